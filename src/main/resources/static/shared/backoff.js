/*
 * Parley reconnect pacing — shared by the website widget and the operator console.
 *
 * A classic script that defines one global, `ParleyBackoff`:
 *   new ParleyBackoff.Retry({ first: 500, max: 30000 })
 *       .schedule(fn) → ms    runs fn after the next pause: `first`, doubling after each failure up to `max`,
 *                             with jitter (half the pause plus a random part of the other half); counts a failure
 *       .failures → number    failures since the last reset
 *       .reset()              after a success: the next pause is `first` again
 *       .cancel()             forgets a scheduled run
 */
(function (root) {
    'use strict';

    function Retry(options) {
        var o = options || {};
        this.first = o.first || 500;
        this.max = o.max || 30000;
        this.failures = 0;
        this.timer = null;
    }

    Retry.prototype.pause = function () {
        var full = Math.min(this.max, this.first * Math.pow(2, Math.min(this.failures, 16)));
        return full / 2 + Math.random() * full / 2;
    };

    Retry.prototype.schedule = function (fn) {
        var self = this;
        var wait = this.pause();
        this.cancel();
        this.failures++;
        this.timer = setTimeout(function () {
            self.timer = null;
            fn();
        }, wait);
        return wait;
    };

    Retry.prototype.reset = function () {
        this.failures = 0;
    };

    Retry.prototype.cancel = function () {
        clearTimeout(this.timer);
        this.timer = null;
    };

    root.ParleyBackoff = { Retry: Retry };
})(window);
