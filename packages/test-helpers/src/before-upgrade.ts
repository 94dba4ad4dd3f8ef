/// <reference types="vite/client" />
import css from '@portico/element/before-upgrade.css?raw';

/** The stylesheet a page puts in its head so widgets keep their box before they upgrade. */
export const beforeUpgradeCss: string = css;
