/* Printing: the "Print deze checklist" button, and useful links in the PDFs the build prints. */
(() => {
  "use strict";

  // The button needs JavaScript, so it is only shown when JavaScript runs.
  for (const button of document.querySelectorAll("[data-afdrukken]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }

  // handreiking/site/pdf.py prints pages opened as file:///...?pdf. A PDF keeps every link's address, which
  // would be a path on the build machine: point internal links at the published site when its address
  // is known (the canonical link of a build with directory URLs, like the site), else keep just the text.
  if (!new URLSearchParams(location.search).has("pdf")) return;
  const canonical = document.querySelector('link[rel="canonical"]');
  const site = canonical && canonical.href.endsWith("/") ? canonical.href : null;
  for (const link of document.querySelectorAll("article a[href]")) {
    if (link.protocol !== "file:") continue;
    if (site) link.href = new URL(link.getAttribute("href"), site).href;
    else link.removeAttribute("href");
  }
})();
