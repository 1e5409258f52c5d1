/*
 * Plausible for End Demand CT, loaded only when Plausible is configured, before Plausible's
 * per-site script (/js/pa-....js): it does what Plausible's snippet does inline (a queue for
 * events sent before the script loads, and plausible.init with the page's campaign goals as the
 * "goal" custom property), so the page needs no inline script. And custom events:
 * - any element with data-event="Name" sends that event when clicked (a form: when submitted);
 *   data-event-prop-KEY="value" attributes become event properties;
 * - tel: and sms: links (the hotline) send "Hotline call" / "Hotline text" if they have no
 *   data-event of their own;
 * - every event carries the page's campaign goals as the "goal" property.
 * Outbound links, file downloads and form submissions are switched on in the site's settings
 * at Plausible.
 */
(function () {
  "use strict";

  window.plausible =
    window.plausible ||
    function () {
      (window.plausible.q = window.plausible.q || []).push(arguments);
    };
  window.plausible.init =
    window.plausible.init ||
    function (options) {
      window.plausible.o = options || {};
    };

  var goals = (document.currentScript && document.currentScript.getAttribute("data-goals")) || "";
  window.plausible.init(goals ? { customProperties: { goal: goals } } : {});

  function propsFor(element) {
    var props = {};
    if (goals) {
      props.goal = goals;
    }
    Object.keys(element.dataset).forEach(function (key) {
      if (key.indexOf("eventProp") === 0 && key.length > 9) {
        var name = key.charAt(9).toLowerCase() + key.slice(10);
        props[name] = element.dataset[key];
      }
    });
    return props;
  }

  function send(name, element) {
    if (name) {
      window.plausible(name, { props: propsFor(element) });
    }
  }

  document.addEventListener("click", function (event) {
    var element = event.target.closest("[data-event], a[href^='tel:'], a[href^='sms:']");
    if (!element || element.tagName === "FORM") {
      return;
    }
    var name = element.getAttribute("data-event");
    if (!name) {
      name = element.getAttribute("href").indexOf("sms:") === 0 ? "Hotline text" : "Hotline call";
    }
    send(name, element);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-event]");
    if (form) {
      send(form.getAttribute("data-event"), form);
    }
  });
})();
