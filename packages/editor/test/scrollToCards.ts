const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Brings each card matching `selector` into view in turn, as a reader scrolling to it would, and
 * waits until its controls are mounted: cards mount their controls only near the screen.
 */
export async function scrollToCards(
  container: HTMLElement,
  selector = "article.ehcp-item",
): Promise<void> {
  for (const card of container.querySelectorAll<HTMLElement>(selector)) {
    card.scrollIntoView({ block: "center" });
    for (let i = 0; i < 100 && !card.querySelector(".ehcp-card-controls"); i++) await nextFrame();
  }
}
