// Share links: the phone's own share sheet where the browser has one (Web Share API), and
// "Copy link" copying to the clipboard. Without this file every link still works.
(function () {
  "use strict";

  const coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;

  document.querySelectorAll(".share").forEach((share) => {
    const native = share.querySelector("[data-share-native]");
    const status = share.querySelector("[data-share-status]");
    if (native && navigator.share && coarse) {
      native.hidden = false;
      const button = native.querySelector("button");
      button.addEventListener("click", () => {
        navigator.share({ title: button.dataset.title, url: button.dataset.url }).catch(() => {
          // The reader closed the share sheet: nothing to do.
        });
      });
    }

    const copy = share.querySelector("[data-share-copy]");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.addEventListener("click", (event) => {
        event.preventDefault();
        navigator.clipboard.writeText(copy.href).then(() => {
          if (status) status.textContent = copy.dataset.copiedText;
          copy.classList.add("is-copied");
        }, () => window.location.assign(copy.href));
      });
    }
  });
})();
