/**
 * The /search/ page in the browser: reads the state from the URL, runs the search, renders facets
 * with counts, result cards and the no-results help, and writes every change back to the URL
 * (pushState), so back/forward and shared links restore the same search.
 *
 * Layout (issue 20): everything a search changes is drawn in one go when its first cards are
 * ready, inside space the page reserves (styles in src/pages/search/index.astro), so nothing the
 * reader sees jumps; on a phone the facets are folded below one button and fold again after a
 * tick, so the results stay in view; a focused checkbox keeps its focus across the redraw.
 *
 * Facet counts (issue 19) need the facet file, the largest file a search can fetch, so it is
 * fetched only when the counts are shown: with the results when the facet panel is on screen (a
 * desktop's column, a phone's opened panel), and on a phone with the panel folded only when the
 * reader opens it (or a facet is selected: then the search needs it anyway). The results list's
 * data-state="ready" means the search is drawn: status, first cards, suggestions, and the counts
 * if the panel is on screen. The facet group's own data-state says where its counts are:
 * "pending" (not fetched: the panel is folded), "loading" (the toggle says 载入中), "ready", or
 * "error" (opening the panel again retries).
 */
import { FACETS, METADATA_FIELDS, type FacetKey } from '../../lib/search/facets.ts';
import { parseSearchState, searchStateToParams, type SearchState } from '../../lib/search/search-url.ts';
import { buildExcerpt, highlight, type ExcerptPiece } from '../../lib/search/browser/excerpt.ts';
import { placeSuggestions } from '../../lib/search/browser/place-suggestions.ts';
import { formatPartialDateZh } from '../../lib/dates/partial-date.ts';
import { containsPhrase } from '../../lib/search/index/tokens.ts';
import type { CardRecord } from '../../lib/search/index/format.ts';
import { cardHolds, facetCounts, loadCard, loadIndex, refineResults, runSearch, type SearchOutcome } from './engine.ts';

const PAGE_SIZE = 10;

/** A new element with properties (className, href, checked…) and children. */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Record<string, string | boolean> = {}, children: (Node | string)[] = []) {
  const node = Object.assign(doc.createElement(tag), props) as HTMLElementTagNameMap[K];
  node.append(...children);
  return node;
}

/** Wires up the search page inside `doc`; call once. */
export function startSearchPage(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = doc.querySelector<HTMLElement>('[data-search-status]')!;
  const list = doc.querySelector<HTMLOListElement>('[data-results]')!;
  const more = doc.querySelector<HTMLButtonElement>('[data-more]')!;
  const help = doc.querySelector<HTMLElement>('[data-no-results]')!;
  const applied = doc.querySelector<HTMLElement>('[data-applied]')!;
  const facets = doc.querySelector<HTMLElement>('[data-facets]')!;
  const topTopics = doc.querySelector<HTMLElement>('[data-top-topics]')!;
  const layout = doc.querySelector<HTMLElement>('[data-search-layout]')!;
  const panel = doc.querySelector<HTMLElement>('[data-facet-panel]')!;
  const toggle = panel.querySelector<HTMLButtonElement>('[data-facet-toggle]')!;
  const chosenCount = toggle.querySelector<HTMLElement>('[data-facet-chosen]')!;
  const loadingMark = toggle.querySelector<HTMLElement>('[data-facet-loading]')!;
  const facetsNotes = facets.querySelectorAll<HTMLElement>('[data-facets-note]');
  const suggest = doc.querySelector<HTMLElement>('[data-place-suggest]')!;
  // Phones (where the toggle is shown) start with the facets folded, by CSS, so results come first.
  const folding = () => getComputedStyle(toggle).display !== 'none';
  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    panel.toggleAttribute('data-open', open);
  };
  const isOpen = () => toggle.getAttribute('aria-expanded') === 'true';
  /** The facets are on screen: a desktop's column, or a phone's opened panel. */
  const panelShown = () => !folding() || isOpen();
  toggle.addEventListener('click', () => {
    setOpen(!isOpen());
    if (isOpen()) void showCounts();
  });
  // A phone turned to landscape (or a window widened) shows the column: it needs its counts.
  matchMedia('(min-width: 48em)').addEventListener('change', () => {
    if (panelShown()) void showCounts();
  });
  let state: SearchState = parseSearchState(new URLSearchParams(location.search));
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  let generation = 0;

  const navigate = (next: SearchState) => {
    state = next;
    const query = searchStateToParams(state).toString();
    history.pushState(null, '', query ? `?${query}` : location.pathname);
    void run();
  };

  const withFilter = (key: FacetKey, value: string, on: boolean): SearchState => {
    const values = new Set(state.filters[key] ?? []);
    if (on) values.add(value);
    else values.delete(value);
    return { ...state, filters: { ...state.filters, [key]: [...values] } };
  };

  const syncForm = () => {
    input.value = state.q;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) radio.checked = radio.value === state.sort;
  };

  const setFacetsState = (next: 'pending' | 'loading' | 'ready' | 'error') => {
    facets.dataset.state = next;
    if (next === 'loading') facets.setAttribute('aria-busy', 'true');
    else facets.removeAttribute('aria-busy');
    loadingMark.hidden = next !== 'loading';
    // The page's own lines for "loading" and "error" (src/pages/search/index.astro).
    for (const note of facetsNotes) note.hidden = note.dataset.facetsNote !== next;
  };

  const showChosen = () => {
    const chosen = FACETS.reduce((n, f) => n + (state.filters[f.key]?.length ?? 0), 0);
    chosenCount.textContent = chosen ? `（已选${chosen}项）` : '';
  };

  /**
   * A search drawn without its counts (a phone with the panel folded): no values yet, the panel
   * (and its toggle) kept when there are results to filter, the counts fetched when it is opened.
   */
  const renderFacetsLater = (found: SearchOutcome) => {
    for (const facet of FACETS) {
      const fieldset = facets.querySelector<HTMLFieldSetElement>(`[data-facet="${facet.key}"]`)!;
      fieldset.querySelector('ul')!.replaceChildren();
      fieldset.hidden = true;
    }
    layout.toggleAttribute('data-no-facets', found.results.length === 0);
    showChosen();
    setFacetsState('pending');
  };

  const renderFacets = (counts: SearchOutcome['counts']) => {
    // The redraw replaces the checkboxes: the one the reader just ticked gets its focus back.
    const focused = doc.activeElement instanceof HTMLInputElement && facets.contains(doc.activeElement) ? doc.activeElement : undefined;
    let shownFacets = 0;
    for (const facet of FACETS) {
      const fieldset = facets.querySelector<HTMLFieldSetElement>(`[data-facet="${facet.key}"]`)!;
      const ul = fieldset.querySelector('ul')!;
      const selected = state.filters[facet.key] ?? [];
      const available = counts[facet.key] ?? {};
      const values = [...new Set([...Object.keys(available).filter((v) => available[v] > 0), ...selected])];
      // Most reports first; equal counts in Chinese collation order, so the list is stable.
      values.sort((a, b) => (available[b] ?? 0) - (available[a] ?? 0) || a.localeCompare(b, 'zh-Hans-CN'));
      ul.replaceChildren(
        ...values.map((value) => {
          const box = el(doc, 'input', { type: 'checkbox', name: facet.key, value, checked: selected.includes(value) });
          box.addEventListener('change', () => {
            // On a phone the open list would push the results off screen: fold it, results below.
            if (folding()) {
              setOpen(false);
              toggle.focus();
            }
            navigate(withFilter(facet.key, value, box.checked));
          });
          const count = el(doc, 'span', { className: 'count' }, [`（${available[value] ?? 0}）`]);
          return el(doc, 'li', {}, [el(doc, 'label', {}, [box, ` ${value} `, count])]);
        }),
      );
      fieldset.hidden = values.length === 0;
      if (values.length) shownFacets++;
      if (focused?.name === facet.key) [...ul.querySelectorAll('input')].find((b) => b.value === focused.value)?.focus();
    }
    // No facet to offer (an empty search, no results): no empty filter column either.
    layout.toggleAttribute('data-no-facets', shownFacets === 0);
    showChosen();
    setFacetsState('ready');
  };

  /** Fetches and draws the counts of the search on screen, if it was drawn without them. */
  const showCounts = async () => {
    const found = outcome;
    const pending = facets.dataset.state === 'pending' || facets.dataset.state === 'error';
    if (!found || !pending) return;
    const mine = generation;
    setFacetsState('loading');
    try {
      const counts = await facetCounts(found, state);
      if (mine !== generation) return;
      renderFacets(counts);
    } catch {
      if (mine === generation) setFacetsState('error');
    }
  };

  /** 钱塘 → a button that narrows to the district 杭州市钱塘区, when the results include it. */
  const renderSuggestions = (phrases: string[], counts: SearchOutcome['counts']) => {
    const places = placeSuggestions(phrases, counts, state.filters);
    suggest.replaceChildren(
      ...(places.length ? ['地名：'] : []),
      ...places.map((p) => {
        const button = el(doc, 'button', { type: 'button', className: 'place-filter' }, [`只看“${p.value}”（${p.count}）`]);
        button.addEventListener('click', () => navigate(withFilter(p.facet, p.value, true)));
        return button;
      }),
    );
    suggest.hidden = places.length === 0;
  };

  const removeButtons = () =>
    FACETS.flatMap((facet) =>
      (state.filters[facet.key] ?? []).map((value) => {
        const button = el(doc, 'button', { type: 'button', className: 'remove-filter' }, [`去掉“${facet.label}：${value}”`]);
        button.addEventListener('click', () => navigate(withFilter(facet.key, value, false)));
        return button;
      }),
    );

  const marked = (pieces: ExcerptPiece[]) => pieces.map((p) => (p.hit ? el(doc, 'mark', {}, [p.text]) : p.text));

  /** Why a report matched when neither its headline nor its text shows the query: 地区：杭州市. */
  const reasons = (report: number, card: CardRecord, found: SearchOutcome) => {
    const seen = new Set<string>();
    const out: string[] = [];
    const add = (phrase: number, label: string, value: string) => {
      // One value per phrase and kind (杭州 names 杭州市 and 杭州市钱塘区: the city is enough).
      if (seen.has(`${phrase}:${label}`)) return;
      seen.add(`${phrase}:${label}`);
      out.push(`「${label}：${value}」`);
    };
    for (const hit of found.text?.metadata.get(report) ?? []) add(hit.phrase, METADATA_FIELDS.find((f) => f.key === hit.facet)!.label, hit.value);
    found.phrases.forEach((phrase, i) => {
      for (const [label, values] of [['记者', card.reporters], ['关键词', card.keywords]] as const) {
        for (const value of values ?? []) if (containsPhrase(value, '', phrase)) add(i, label, value);
      }
    });
    return out;
  };

  /** A result card, or null when the report turns out not to hold the phrase (see engine.ts). */
  const renderCard = async (report: number, found: SearchOutcome) => {
    const card = await loadCard(report);
    if (found.confirmCards && !cardHolds(card, found.phrases, found.text?.metadata.get(report))) return null;
    const title = highlight(card.title, found.phrases);
    const excerpt = buildExcerpt(card.text, found.phrases);
    const date = card.date ? `${formatPartialDateZh(card.date)}${card.dateInferred ? '（推定）' : ''}` : '';
    const facts = [date, card.outlet, card.region].filter(Boolean);
    const why = title.some((p) => p.hit) || excerpt.some((p) => p.hit) ? [] : reasons(report, card, found);
    return el(doc, 'li', { className: 'search-card' }, [
      el(doc, 'h2', {}, [el(doc, 'a', { href: card.url }, marked(title))]),
      el(doc, 'p', { className: 'card-meta' }, [facts.join(' · ')]),
      ...(why.length ? [el(doc, 'p', { className: 'card-why' }, [`匹配：${why.join('')}`])] : []),
      el(doc, 'p', { className: 'excerpt' }, marked(excerpt)),
    ]);
  };

  /** The next batch of cards (not yet in the page). */
  const nextCards = async (found: SearchOutcome, from: number) => {
    const cards = await Promise.all(found.results.slice(from, from + PAGE_SIZE).map((report) => renderCard(report, found)));
    return cards.filter((c): c is HTMLLIElement => c !== null);
  };

  const showMore = async () => {
    if (!outcome) return;
    const mine = generation;
    const found = outcome;
    await refineResults(found, shown, PAGE_SIZE);
    const cards = await nextCards(found, shown);
    if (mine !== generation) return;
    list.append(...cards);
    shown = Math.min(found.results.length, shown + PAGE_SIZE);
    more.hidden = shown >= found.results.length;
  };

  /** No query and no filter: nothing to search yet, so the index is not even loaded. */
  const showIdle = () => {
    outcome = undefined;
    list.replaceChildren();
    renderFacets({});
    layout.toggleAttribute('data-idle', true);
    applied.hidden = true;
    suggest.hidden = true;
    help.hidden = true;
    more.hidden = true;
    topTopics.hidden = false;
    status.textContent = '输入关键词搜索，或从常见主题开始。';
    list.dataset.state = 'ready';
    list.dataset.count = '0';
  };

  const run = async () => {
    const mine = ++generation;
    syncForm();
    if (!state.q.trim() && FACETS.every((f) => !state.filters[f.key]?.length)) {
      showIdle();
      return;
    }
    list.dataset.state = 'loading';
    status.textContent = '正在搜索…';
    const found = await runSearch(state, { counts: panelShown(), firstPage: PAGE_SIZE });
    if (mine !== generation) return;
    // The first cards are built before anything changes, then the page is redrawn at once: the
    // old results stay until the new ones replace them, so the view does not jump.
    const cards = await nextCards(found, 0);
    if (mine !== generation) return;
    outcome = found;
    shown = Math.min(found.results.length, PAGE_SIZE);
    layout.toggleAttribute('data-idle', false);
    if (found.countsComplete) renderFacets(found.counts);
    else renderFacetsLater(found);
    renderSuggestions(found.phrases, found.counts);
    const removals = removeButtons();
    applied.replaceChildren(...(removals.length ? ['已选筛选：', ...removals] : []));
    applied.hidden = removals.length === 0;
    const n = found.total;
    const what = found.phrases.length ? `“${found.phrases.join(' ')}”` : '全部报道';
    const foldedNote = found.folded ? '（已转换为简体搜索）' : '';
    // 约: some of many results may hold the phrase's characters apart; cards are checked as shown.
    status.textContent = n ? `${what}：找到${found.approximate ? '约' : ''}${n}篇报道${foldedNote}` : `${what}：没有找到报道${foldedNote}`;
    help.hidden = n > 0;
    topTopics.hidden = n > 0;
    const helpRemovals = removeButtons();
    help.querySelector<HTMLElement>('[data-remove-list]')!.replaceChildren(...helpRemovals);
    help.querySelector<HTMLElement>('[data-remove-filters]')!.hidden = helpRemovals.length === 0;
    list.replaceChildren(...cards);
    more.hidden = shown >= n;
    performance.mark('xieshang:search-results');
    list.dataset.state = 'ready';
    list.dataset.count = String(n);
    // The panel was opened (or the window widened) while the search ran without counts.
    if (!found.countsComplete && panelShown()) void showCounts();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...state, q: input.value.trim() });
  });
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) {
    radio.addEventListener('change', () => navigate({ ...state, q: input.value.trim(), sort: radio.value === 'date' ? 'date' : 'relevance' }));
  }
  more.addEventListener('click', () => void showMore());
  // A reader who focuses the box is about to search: fetch the index manifest now, not after Enter.
  input.addEventListener('focus', () => void loadIndex().catch(() => undefined), { once: true });
  addEventListener('popstate', () => {
    state = parseSearchState(new URLSearchParams(location.search));
    void run();
  });
  void run();
}
