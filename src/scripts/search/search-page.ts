/**
 * The /search/ page in the browser: reads the state from the URL, runs the search, renders facets
 * with counts, result cards and the no-results help, and writes every change back to the URL
 * (pushState), so back/forward and shared links restore the same search.
 */
import { FACETS, type FacetKey } from '../../lib/search/facets.ts';
import { parseSearchState, searchStateToParams, type SearchState } from '../../lib/search/search-url.ts';
import { buildExcerpt } from '../../lib/search/excerpt.ts';
import { placeSuggestions } from '../../lib/search/place-suggestions.ts';
import { formatPartialDateZh } from '../../lib/dates/partial-date.ts';
import { cardHolds, countFacets, facetsLoaded, loadCard, loadIndex, runSearch, type SearchOutcome } from './engine.ts';

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
  const panel = doc.querySelector<HTMLDetailsElement>('[data-facet-panel]')!;
  const suggest = doc.querySelector<HTMLElement>('[data-place-suggest]')!;
  // On phones the facets start folded so the results come first; the summary opens them.
  if (matchMedia('(max-width: 47.99em)').matches) panel.open = false;
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

  const renderFacets = (counts: SearchOutcome['counts']) => {
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
          box.addEventListener('change', () => navigate(withFilter(facet.key, value, box.checked)));
          const count = el(doc, 'span', { className: 'count' }, [`（${available[value] ?? 0}）`]);
          return el(doc, 'li', {}, [el(doc, 'label', {}, [box, ` ${value} `, count])]);
        }),
      );
      fieldset.hidden = values.length === 0;
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

  /** A result card, or null when the report turns out not to hold the phrase (see engine.ts). */
  const renderCard = async (report: number, found: SearchOutcome) => {
    const card = await loadCard(report);
    if (found.confirmCards && !cardHolds(card, found.phrases)) return null;
    const excerpt = buildExcerpt(card.text, found.phrases);
    const facts = [card.date ? formatPartialDateZh(card.date) : '', card.outlet, card.region].filter(Boolean);
    return el(doc, 'li', { className: 'search-card' }, [
      el(doc, 'h2', {}, [el(doc, 'a', { href: card.url }, [card.title])]),
      el(doc, 'p', { className: 'card-meta' }, [facts.join(' · ')]),
      el(doc, 'p', { className: 'excerpt' }, excerpt.map((p) => (p.hit ? el(doc, 'mark', {}, [p.text]) : p.text))),
    ]);
  };

  const showMore = async () => {
    if (!outcome) return;
    const mine = generation;
    const found = outcome;
    const batch = found.results.slice(shown, shown + PAGE_SIZE);
    const cards = await Promise.all(batch.map((report) => renderCard(report, found)));
    if (mine !== generation) return;
    list.append(...cards.filter((c): c is HTMLLIElement => c !== null));
    shown += batch.length;
    more.hidden = shown >= found.results.length;
  };

  /** No query and no filter: nothing to search yet, so the index is not even loaded. */
  const showIdle = () => {
    outcome = undefined;
    list.replaceChildren();
    renderFacets({});
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
    const found = await runSearch(state);
    if (mine !== generation) return;
    outcome = found;
    shown = 0;
    list.replaceChildren();
    renderFacets(found.counts);
    renderSuggestions(found.phrases, found.counts);
    const removals = removeButtons();
    applied.replaceChildren(...(removals.length ? ['已选筛选：', ...removals] : []));
    applied.hidden = removals.length === 0;
    const n = found.results.length;
    const what = found.phrases.length ? `“${found.phrases.join(' ')}”` : '全部报道';
    const foldedNote = found.folded ? '（已转换为简体搜索）' : '';
    // 约: some of many results may hold the phrase's characters apart; cards are checked as shown.
    status.textContent = n ? `${what}：找到${found.approximate ? '约' : ''}${n}篇报道${foldedNote}` : `${what}：没有找到报道${foldedNote}`;
    help.hidden = n > 0;
    topTopics.hidden = n > 0;
    const helpRemovals = removeButtons();
    help.querySelector<HTMLElement>('[data-remove-list]')!.replaceChildren(...helpRemovals);
    help.querySelector<HTMLElement>('[data-remove-filters]')!.hidden = helpRemovals.length === 0;
    await showMore();
    if (mine !== generation) return;
    performance.mark('xieshang:search-results');
    if (!facetsLoaded()) {
      // First search: results are shown; now fetch the facet file and count.
      const recount = await countFacets(found, state);
      if (mine !== generation) return;
      renderFacets(recount);
      renderSuggestions(found.phrases, recount);
    }
    list.dataset.state = 'ready';
    list.dataset.count = String(n);
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
