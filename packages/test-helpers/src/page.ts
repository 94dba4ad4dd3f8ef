import { onCleanUp } from './mount.js';

/**
 * The links a click would follow, in order, from now until the test's clean-up. Their
 * navigation is cancelled, so the test page stays where it is.
 */
export function followedLinks(): string[] {
  const followed: string[] = [];
  const onClick = (event: MouseEvent): void => {
    const link = event.composedPath().find((target) => target instanceof HTMLAnchorElement);
    if (!link) return;
    followed.push(link.getAttribute('href') ?? '');
    event.preventDefault();
  };
  window.addEventListener('click', onClick);
  onCleanUp(() => {
    window.removeEventListener('click', onClick);
  });
  return followed;
}

/** A focused button at the start of the page, where a keyboard test starts tabbing. */
export function startButton(): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = 'Bắt đầu';
  document.body.prepend(button);
  onCleanUp(() => {
    button.remove();
  });
  button.focus();
  return button;
}
