/*
 * Custom Plausible events for End Demand CT, loaded only when Plausible is configured.
 * - any element with data-event="Name" sends that event when clicked (a form: when submitted);
 *   data-event-prop-KEY="value" attributes become event properties;
 * - tel: and sms: links (the hotline) send "Hotline call" / "Hotline text" if they have no
 *   data-event of their own;
 * - every event carries the page's campaign goals as the "goal" property.
 * Outbound links and file downloads are tracked by Plausible's own script extensions.
 */
(function () {
  "use strict";

  window.plausible =
    window.plausible ||
    function () {
      (window.plausible.q = window.plausible.q || []).push(arguments);
    };

  var tracker = document.querySelector("script[data-domain]");
  var goals = tracker ? tracker.getAttribute("event-goal") || "" : "";

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
