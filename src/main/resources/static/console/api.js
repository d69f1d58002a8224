// The operator API (/api/v1) with the token of the log-in.
import {t} from './i18n.js';

const KEY = 'parley.console.session';

export class ApiError extends Error {
    constructor(status, code, message, path) {
        super(message);
        this.status = status;
        this.code = code;
        this.path = path;
    }
}

/** The stored session {token, operator}, or null. */
export function session() {
    const raw = sessionStorage.getItem(KEY) || localStorage.getItem(KEY);
    try {
        return raw ? JSON.parse(raw) : null;
    } catch (e) {
        return null;
    }
}

export function saveSession(value, remember) {
    const raw = JSON.stringify(value);
    sessionStorage.setItem(KEY, raw);
    if (remember) {
        localStorage.setItem(KEY, raw);
    }
}

export function clearSession() {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
}

let onUnauthorized = () => {};

/** What to do when the server no longer accepts the token (log out). */
export function whenUnauthorized(handler) {
    onUnauthorized = handler;
}

/** Calls the API (a FormData body goes as multipart); answers the parsed JSON (or text for non-JSON), throws ApiError on 4xx/5xx. */
export async function api(method, path, body, options = {}) {
    const headers = {};
    const s = session();
    const token = options.token || (s && s.token);
    if (token && !options.noAuth) {
        headers.Authorization = 'Bearer ' + token;
    }
    const form = body instanceof FormData;
    if (body !== undefined && !form) {
        headers['Content-Type'] = 'application/json';
    }
    let res;
    try {
        res = await fetch(path.startsWith('/') ? path : '/api/v1/' + path, {
            method, headers, body: body === undefined || form ? body : JSON.stringify(body)
        });
    } catch (e) {
        throw new ApiError(0, 'network', t('api.unreachable'));
    }
    const type = res.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await res.json().catch(() => null) : await res.text();
    if (!res.ok) {
        const err = payload && payload.error ? payload.error : {};
        if (res.status === 401 && !options.noAuth && !options.token) {
            onUnauthorized();
        }
        throw new ApiError(res.status, err.code || 'http_' + res.status,
            err.message || t('api.status', {status: res.status}), err.path);
    }
    return payload;
}

/** Describes an ApiError for people: the message and the field it names. */
export function explain(err) {
    if (!(err instanceof ApiError)) {
        return String(err && err.message || err);
    }
    return err.path && !err.message.startsWith(err.path) ? err.path + ': ' + err.message : err.message;
}
