/** Replaces `Array.from` with MooTools 1.4.5's (as Joomla 3 pages load it); the function returned puts the original back. */
export function installMooToolsArrayFrom(): () => void;
