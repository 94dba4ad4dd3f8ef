/** The toolbar's locales, as the preview and the stories read them. */
export type StoryLocale = 'vi' | 'en';

/** The toolbar's locale, as the story root's `lang` gives it to the widgets. */
export function localeOf(globals: Record<string, unknown>): StoryLocale {
  return globals.locale === 'en' ? 'en' : 'vi';
}
