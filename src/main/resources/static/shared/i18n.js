/*
 * Parley message catalogs — shared by the website widget and the operator console.
 *
 * A classic script that defines one global, `ParleyI18n`. A catalog is a plain object of message keys to texts
 * for one domain ("widget", "transcript", "console", …) and one language (a primary subtag: "en", "de"); texts
 * may hold {name} placeholders. English is the fallback of every domain, so an untranslated key still reads.
 *   ParleyI18n.define(domain, language, messages)   registers (or extends) a catalog; catalog files call it
 *   ParleyI18n.pick(domain, wanted) → language       the first of `wanted` (tags such as "de-AT", in order of
 *                                                     preference) the domain has a catalog for, else "en"
 *   ParleyI18n.translator(domain, language) → t      t(key, params?) → text; t.language is the language;
 *                                                     t.plural(key, count, params?) → the text of key + '.' + the
 *                                                     count's plural category ("one", "other", …) with {count} set
 *   ParleyI18n.keys(domain, language) → [key]        the keys of one catalog (tests compare languages)
 */
(function (root) {
    'use strict';

    var FALLBACK = 'en';
    var catalogs = {};

    function define(domain, language, messages) {
        var domainCatalogs = catalogs[domain] = catalogs[domain] || {};
        var catalog = domainCatalogs[language] = domainCatalogs[language] || {};
        Object.keys(messages).forEach(function (key) {
            catalog[key] = messages[key];
        });
    }

    function primary(tag) {
        return String(tag || '').toLowerCase().split(/[-_]/)[0];
    }

    function pick(domain, wanted) {
        var known = catalogs[domain] || {};
        var found = (wanted || []).map(primary).filter(function (language) {
            return Object.prototype.hasOwnProperty.call(known, language);
        });
        return found.length ? found[0] : FALLBACK;
    }

    function translator(domain, language) {
        var known = catalogs[domain] || {};
        var own = known[language] || {};
        var fallback = known[FALLBACK] || {};
        var t = function (key, params) {
            var text = Object.prototype.hasOwnProperty.call(own, key) ? own[key]
                : Object.prototype.hasOwnProperty.call(fallback, key) ? fallback[key] : key;
            return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
                return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
            });
        };
        var rules = new Intl.PluralRules(language);
        t.plural = function (key, count, params) {
            var all = {count: count};
            Object.keys(params || {}).forEach(function (name) {
                all[name] = params[name];
            });
            var exact = key + '.' + rules.select(count);
            var found = Object.prototype.hasOwnProperty.call(own, exact)
                || Object.prototype.hasOwnProperty.call(fallback, exact);
            return t(found ? exact : key + '.other', all);
        };
        t.language = language;
        return t;
    }

    function keys(domain, language) {
        return Object.keys((catalogs[domain] || {})[language] || {}).sort();
    }

    root.ParleyI18n = { define: define, pick: pick, translator: translator, keys: keys };
})(window);
