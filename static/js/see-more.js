// "See more" (Xem thêm): load the next page of articles in place instead of navigating.
// Without JavaScript the link is an ordinary link to ?page=N, so nothing depends on this.
(function () {
  "use strict";

  async function loadMore(link) {
    const list = document.querySelector(link.dataset.target);
    const nav = link.closest(".see-more");
    const status = nav && nav.querySelector("[data-see-more-status]");
    if (!list || !window.fetch || !window.DOMParser) {
      window.location.assign(link.href);
      return;
    }
    const pageUrl = new URL(link.href, window.location.href);
    const fragmentUrl = new URL(pageUrl);
    fragmentUrl.searchParams.set("partial", "1");

    link.setAttribute("aria-disabled", "true");
    link.classList.add("is-loading");
    const label = link.textContent;
    link.textContent = link.dataset.loadingText || label;
    if (status) status.textContent = link.dataset.loadingText || "";

    let fragment;
    try {
      const response = await fetch(fragmentUrl, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      fragment = new DOMParser().parseFromString(await response.text(), "text/html");
    } catch (error) {
      // Whatever went wrong, the plain link still works.
      window.location.assign(pageUrl);
      return;
    }

    const items = Array.from(fragment.querySelectorAll("[data-article-list] > li"));
    items.forEach((item) => list.appendChild(document.adoptNode(item)));

    // The address bar follows the content, so a reload or a shared link shows this page.
    window.history.replaceState({}, "", pageUrl);

    const newNav = fragment.querySelector(".see-more");
    if (nav && newNav) {
      nav.replaceWith(document.adoptNode(newNav));
    } else if (nav) {
      nav.remove();
    }
    // Keyboard and screen-reader users continue from the first new article.
    const first = items[0] && items[0].querySelector("a");
    if (first) first.focus();
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-see-more]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute("aria-disabled") === "true") return;
    loadMore(link);
  });
})();
