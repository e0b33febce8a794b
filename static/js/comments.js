// Comments (Bình luận): send the form in place and move it under the comment being answered.
// Without JavaScript the form posts normally and "Reply" opens the form on its own page, so
// nothing depends on this file.
(function () {
  "use strict";

  const form = document.querySelector("[data-comment-form]");
  if (!form || !window.fetch || !window.FormData) return;

  const status = form.querySelector("[data-status]");
  const parentInput = form.querySelector("[data-parent]");
  const tokenInput = form.querySelector("[data-token]");
  const replying = form.querySelector("[data-replying]");
  const replyingText = form.querySelector("[data-replying-text]");
  const home = form.parentNode;
  const homeNext = form.nextSibling;
  const submit = form.querySelector("button[type=submit]");

  function clearErrors() {
    form.querySelectorAll(".comment-form__error[data-js]").forEach((node) => node.remove());
    form.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
  }

  function showErrors(errors) {
    Object.keys(errors || {}).forEach((name) => {
      const field = form.querySelector(`[name="${name}"]`);
      const anchor = field && field.type !== "hidden" ? field : form.querySelector("[name=body]");
      const message = document.createElement("span");
      message.className = "comment-form__error";
      message.dataset.js = "";
      message.id = `comment-${name}-error-js`;
      message.textContent = errors[name].join(" ");
      anchor.setAttribute("aria-invalid", "true");
      anchor.insertAdjacentElement("afterend", message);
    });
  }

  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle("comment-form__status--error", Boolean(isError));
  }

  function cancelReply() {
    parentInput.value = "";
    replying.hidden = true;
    home.insertBefore(form, homeNext);
  }

  document.querySelectorAll("[data-reply-to]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      parentInput.value = link.dataset.replyTo;
      replyingText.textContent = (form.dataset.replyingLabel || "→ {name}").replace("{name}", link.dataset.replyName);
      replying.hidden = false;
      link.closest(".comment").insertAdjacentElement("afterend", form);
      form.querySelector("[name=body]").focus();
    });
  });
  const cancel = form.querySelector("[data-cancel-reply]");
  if (cancel) cancel.addEventListener("click", cancelReply);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    submit.disabled = true;
    setStatus(form.dataset.sendingLabel || "…", false);
    let response;
    let data;
    try {
      response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "omit",
      });
      data = await response.json();
    } catch (error) {
      // Not an answer we understand (a proxy's error page, no network): post the ordinary way.
      form.submit();
      return;
    } finally {
      submit.disabled = false;
    }
    if (data.token) tokenInput.value = data.token;
    if (data.ok) {
      setStatus(data.message, false);
      form.querySelector("[name=body]").value = "";
      if (parentInput.value) cancelReply();
    } else {
      setStatus(data.message, true);
      showErrors(data.errors);
    }
    status.focus();
  });
})();
