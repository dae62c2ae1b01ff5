// "Meinen Standort verwenden": fills the hidden coordinates of the offer search and submits
// it. Without JavaScript or geolocation the button stays hidden; Jobcenter and place work.
(function () {
    "use strict";
    var form = document.getElementById("offer-search");
    var button = document.getElementById("offer-locate");
    if (!form || !button || !("geolocation" in navigator)) {
        return;
    }
    var status = document.getElementById("offer-locate-status");
    button.parentElement.hidden = false;
    button.addEventListener("click", function () {
        status.textContent = button.dataset.waiting || "Standort wird ermittelt …";
        navigator.geolocation.getCurrentPosition(
            function (position) {
                form.elements.lat.value = position.coords.latitude.toFixed(5);
                form.elements.lon.value = position.coords.longitude.toFixed(5);
                form.elements.nahe.value = "";
                form.elements.ort.value = "";
                form.submit();
            },
            function () {
                status.textContent = button.dataset.failed || "Ihr Standort konnte nicht ermittelt werden.";
            },
            { timeout: 10000, maximumAge: 600000 }
        );
    });
})();
