/** Shared shapes of the importer: lines with provenance, problems as values, article drafts. */

/** One line of the document being cleaned, with the 1-based input line it came from. */
export interface Line {
  text: string;
  /** Input line number (text) or block number (HTML), 1-based. */
  n: number;
  /** `heading` for section headings, `caption` for image captions, `para` otherwise. */
  kind: 'para' | 'heading' | 'caption';
}

/** Text taken out of the body, with the reason (nothing is dropped silently). */
export interface Removed {
  text: string;
  reason: string;
  line?: number;
}

/** A named problem or guess worth a reviewer's attention (OWID-style reason codes). */
/**
 * A problem the importer found, as a value from the step that found it to the printed summary and
 * `--json`: callers pick problems by `code` and `field`, never by parsing `message`.
 */
export interface Issue {
  code: string;
  /** The whole sentence for the editor, ending with its Fix when there is one. */
  message: string;
  /** The report field it is about (date, outlet, regions …). */
  field?: string;
  line?: number;
  /** For `outlet-unknown`: the content/outlets.yaml entry the message proposes. */
  outletEntry?: { id: string; name: string };
  /** The pipeline step that found it. */
  step?: string;
}

/** How a field value was found. */
export interface Guess<T> {
  value: T;
  /** The text it came from. */
  from: string;
  confidence: 'high' | 'medium' | 'low';
}

/** Metadata the page states about itself (HTML meta, JSON-LD, <time>, source lines). */
export interface PageMeta {
  title?: string;
  siteName?: string;
  date?: string;
  dateFrom?: string;
  authors?: string[];
  outlet?: string;
  url?: string;
  keywords?: string[];
  /** What the page shows next to its headline (HTML head zone): the reader-visible statements. */
  shownDate?: string;
  shownDateLine?: string;
  shownSource?: string;
  shownSourceLine?: string;
  shownAuthors?: string[];
}

/** The editorial registries the importer matches against (topics with keywords, outlets). */
export interface ImportRegistry {
  topics: readonly { id: string; name: string; keywords?: readonly string[] }[];
  outlets: readonly { id: string; name: string; kind?: string }[];
}

/** A figure as the report states it, decimal-exact. */
export interface Figure {
  label: string;
  value: string;
  unit: string;
  year?: number;
}

/** A dated happening the article reports (the report's `events`). */
export interface EventDraft {
  date: string;
  label: string;
}

/** One article being assembled from a document. */
export interface ArticleDraft {
  lines: Line[];
  headline: Line[];
  title?: string;
  subtitle?: string;
  removed: Removed[];
  issues: Issue[];
  date?: Guess<{ date: string; certainty: 'stated' | 'inferred'; note?: string }>;
  outlet?: Guess<{ id: string; name: string }>;
  /** The outlet the page names when the registry lacks it: reported by name, not written as an id. */
  statedOutlet?: Guess<string>;
  reporters: string[];
  correspondents: string[];
  editors: string[];
  photographers: string[];
  keywords: string[];
  kind?: Guess<string>;
  bodies: string[];
  regions: { code: string; name: string; score: number }[];
  topics: string[];
  figures: Figure[];
  events?: EventDraft[];
  part?: string;
}

/** The document as it moves through the pipeline. */
export interface ImportDoc {
  fileName: string;
  encoding: string;
  format: 'text' | 'html';
  /** Raw input lines as decoded (for coverage checks). */
  rawLines: string[];
  lines: Line[];
  removed: Removed[];
  meta: PageMeta;
  /** Page-level people and keywords from chrome lines (责任编辑, 关键词, 摄). */
  page: { editors: string[]; keywords: string[]; photographers: string[]; authors?: string[]; sourceOutlet?: string; sourceDate?: string; sourceLine?: string; masthead?: string };
  originalScript: 'Hans' | 'Hant';
  articles: ArticleDraft[];
  registry: ImportRegistry;
}

/** A pipeline step: pure, returns the new document and what it noticed. */
export type Step = (doc: ImportDoc) => { doc: ImportDoc; issues: Issue[] };
