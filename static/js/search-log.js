/* Search log: tells the server the rank of the first result clicked after a search, with a
   beacon that never holds up the link. The links stay plain links: without this script they
   work the same, only no click is noted. */
(function () {
  "use strict";

  var marker = document.querySelector("[data-search-log]");
  if (!marker || !navigator.sendBeacon || !window.URLSearchParams) {
    return;
  }
  var token = marker.getAttribute("data-search-log");
  var url = marker.getAttribute("data-search-log-url");
  // The server keeps the first click of a search only; later ones need not travel.
  var sent = false;

  function rankOf(link) {
    var item = link.closest("li");
    var list = item && item.parentElement;
    if (!list || !list.classList.contains("search-results__list")) {
      return null;
    }
    var start = parseInt(list.getAttribute("start"), 10) || 1;
    return start + Array.prototype.indexOf.call(list.children, item);
  }

  function noteClick(event) {
    if (sent || !event.target.closest) {
      return;
    }
    var link = event.target.closest(".search-results__list a[href]");
    var rank = link && rankOf(link);
    if (!rank) {
      return;
    }
    var data = new URLSearchParams();
    data.append("token", token);
    data.append("rank", String(rank));
    sent = navigator.sendBeacon(url, data);
  }

  document.addEventListener("click", noteClick);
  // A middle click opens the result in a new tab without a "click" event.
  document.addEventListener("auxclick", function (event) {
    if (event.button === 1) {
      noteClick(event);
    }
  });
})();
