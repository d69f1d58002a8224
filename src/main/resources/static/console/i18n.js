// The console's language: the operator's own choice, else the browser's (de* → German, else English).
// Texts come from the "console" catalog (messages/en.js, messages/de.js); views call t(key, params) while they
// render, so a change of language re-renders the page in the new one.

const KEY = 'parley.console.language';
const I18n = window.ParleyI18n;

/** The languages the console ships, each named in its own language. */
export const LANGUAGES = {en: 'English', de: 'Deutsch'};

/** The console's texts: t(key, params?), t.plural(key, count, params?), t.language. */
export let t = I18n.translator('console', 'en');

/** The transcript renderer's texts in the console's language. */
export let transcriptTexts = I18n.translator('transcript', 'en');

function browserLanguages() {
    return navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
}

/** The language chosen in this browser, if one was. */
export function chosenHere() {
    const stored = localStorage.getItem(KEY);
    return stored && stored in LANGUAGES ? stored : null;
}

/** The language chosen in this browser, else the browser's own. */
export function preferredLanguage() {
    return chosenHere() || I18n.pick('console', browserLanguages());
}

/** Shows the console in `language` from now on; `remember` keeps the choice in this browser. */
export function useLanguage(language, remember) {
    const chosen = language in LANGUAGES ? language : 'en';
    if (remember) {
        localStorage.setItem(KEY, chosen);
    }
    t = I18n.translator('console', chosen);
    transcriptTexts = I18n.translator('transcript', chosen);
    document.documentElement.lang = chosen;
    document.title = t('page.title');
    return chosen;
}

/** The tag dates and times are written for: the browser's own when it speaks the console's language. */
export function dateLocale() {
    return browserLanguages().find(tag => String(tag).toLowerCase().split('-')[0] === t.language) || t.language;
}

useLanguage(preferredLanguage(), false);
