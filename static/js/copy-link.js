// Copy-link buttons: <button data-copy-target="input-id" data-copied-text="...">. Without
// JavaScript the button stays hidden and the link is still there to select and copy.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-copy-target]").forEach((button) => {
    const input = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    if (!input) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      input.select();
      let copied = false;
      try {
        await navigator.clipboard.writeText(input.value);
        copied = true;
      } catch (error) {
        copied = document.execCommand && document.execCommand("copy");
      }
      if (status) status.textContent = copied ? button.dataset.copiedText : button.dataset.failedText;
    });
  });
});
