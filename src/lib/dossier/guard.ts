/**
 * The dossier MDX guard: a dossier (专题) is prose with a handful of embeds, not a program. MDX
 * would run `import`/`export`, `{expressions}` and any component at build time, so the guard lets
 * through only the components of components.ts with literal props, and checks each value against
 * the gazetteer, the topic registry and the report ids (with did-you-mean). Every refusal is a
 * Problem with file, line, what is allowed and an example, like every other content problem.
 *
 * The same function serves `npm run check` (on the file text) and the build's remark plugin (on
 * the tree MDX already parsed), so what the checker accepts is what the build accepts. Pure.
 */
import type { Program } from 'estree';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { findRegionsByName, fullRegionName, isKnownRegionCode } from '../regions/gazetteer.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import type { Problem, ProblemCode } from '../check/problem.ts';
import { suggestEntry, type NamedEntry } from '../taxonomy/registry-lookup.ts';
import { nearbyRegionCodes } from '../check/suggest.ts';
import { componentSpec, DOSSIER_COMPONENT_NAMES, DOSSIER_COMPONENTS, MAX_LIMIT, type PropSpec } from './components.ts';

/** What the guard checks prop values against. */
export interface GuardContext {
  topics: readonly NamedEntry[];
  /** Report ids (path under content/reports without extension). */
  reportIds: ReadonlySet<string>;
}

/** Literal prop values after the guard: what the components receive. */
export type LiteralValue = string | number | boolean;

const ALLOWED = `只能用这些组件，属性写字面值 (only these components, with literal props): ${DOSSIER_COMPONENT_NAMES.map((n) => `<${n}>`).join(' ')}`;
const EXAMPLE = DOSSIER_COMPONENTS[0].example;

type Element = MdxJsxFlowElement | MdxJsxTextElement;

/** Parses dossier MDX the way @astrojs/mdx does (remark-mdx = micromark-extension-mdxjs). Throws on syntax errors. */
export function parseDossierMdx(source: string): Root {
  return fromMarkdown(source, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
}

/**
 * The literal a `{…}` prop value holds: a string, a number (a leading minus allowed) or true/false.
 * Anything else (a variable, a call, an object, a template) is not a literal: undefined.
 */
export function literalOf(program: Program | null | undefined): LiteralValue | undefined {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  if (statement?.type !== 'ExpressionStatement') return undefined;
  const e = statement.expression;
  if (e.type === 'Literal' && (typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean')) return e.value;
  if (e.type === 'UnaryExpression' && e.operator === '-' && e.argument.type === 'Literal' && typeof e.argument.value === 'number') return -e.argument.value;
  return undefined;
}

function estreeOf(node: { data?: unknown }): Program | undefined {
  return (node.data as { estree?: Program } | undefined)?.estree;
}

/** A value checked against its prop's kind: a problem's message and fix, or nothing. */
function valueProblem(spec: PropSpec, value: LiteralValue, ctx: GuardContext): { code: ProblemCode; message: string; suggestion?: string; example?: string } | undefined {
  const kind = spec.kind;
  const shown = typeof value === 'string' ? `"${value}"` : `{${String(value)}}`;
  const wrongType = (want: string, example: string) => ({
    code: 'mdx-prop' as const,
    message: `${spec.name} 的值 ${shown} 类型不对：应为${want} (${spec.name}=${shown} has the wrong type: expected ${want})`,
    example,
  });
  if (kind === 'limit') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) return wrongType(`1 到 ${MAX_LIMIT} 的整数 (a whole number 1–${MAX_LIMIT})`, `${spec.name}={10}`);
    return undefined;
  }
  if (kind === 'year') {
    const y = typeof value === 'number' ? String(value) : value;
    if (typeof y !== 'string' || !/^\d{4}$/.test(y)) return wrongType('四位年份 (a four-digit year)', `${spec.name}={2022}`);
    return undefined;
  }
  if (typeof value !== 'string') return wrongType('引号里的文字 (a quoted string)', `${spec.name}="…"`);
  if (typeof kind === 'object') {
    if (kind.oneOf.includes(value)) return undefined;
    const guess = didYouMean(value, kind.oneOf);
    return {
      code: 'mdx-prop',
      message: `${spec.name}="${value}" 不在可选值里 (not one of ${kind.oneOf.join(', ')})`,
      suggestion: guess ? `你是不是想写 (did you mean) ${spec.name}="${guess}"?` : undefined,
      example: `${spec.name}="${kind.oneOf[0]}"`,
    };
  }
  if (kind === 'region') {
    if (/^\d{6}$/.test(value) && isKnownRegionCode(value)) return undefined;
    const byName = /^\d{6}$/.test(value) ? [] : findRegionsByName(value).slice(0, 3);
    const near = byName.length ? byName.map((r) => `${r.code} ${fullRegionName(r.code)}`) : nearbyRegionCodes(value);
    return {
      code: 'unknown-region',
      message: `没有区划代码“${value}” (unknown region code "${value}": expected a six-digit GB/T 2260 code the gazetteer knows)`,
      suggestion: near.length ? `你是不是想写 (did you mean) ${near.join(' 或 (or) ')}?` : '用 npm run new -- --find-region 名称 查代码 (look the code up)',
      example: 'region="330000"',
    };
  }
  if (kind === 'topic') {
    if (ctx.topics.some((t) => t.id === value)) return undefined;
    const guess = suggestEntry(value, ctx.topics);
    return {
      code: 'unknown-topic',
      message: `没有主题“${value}” (unknown topic "${value}": expected an id from content/topics.yaml)`,
      suggestion: guess ? `你是不是想写 (did you mean) ${spec.name}="${guess.id}"（${guess.name}）?` : `可选 (choose from): ${ctx.topics.map((t) => t.id).join(', ')}`,
      example: `${spec.name}="${ctx.topics[0]?.id ?? 'private-economy'}"`,
    };
  }
  if (kind === 'report') {
    const id = value.replace(/^\/?(?:reports\/)?|\/$|\.md$/g, '');
    if (ctx.reportIds.has(value)) return undefined;
    const exact = ctx.reportIds.has(id) ? id : undefined;
    const guess = exact ?? didYouMean(value, [...ctx.reportIds]);
    return {
      code: 'unknown-report',
      message: `没有编号为“${value}”的报道 (no report with the id "${value}")`,
      suggestion: guess ? `你是不是想写 (did you mean) ${spec.name}="${guess}"?` : '编号是 content/reports/ 下的路径，不带 .md (the id is the path under content/reports/ without .md)',
      example: `${spec.name}="2022/2022-08-jia-xing-bai-ri-gong-jian"`,
    };
  }
  return undefined;
}

/** Problems of one component use: unknown, spread or non-literal props, bad values, missing ones, stray children. */
function elementProblems(node: Element, ctx: GuardContext, at: (node: { position?: { start: { line: number } } }) => Pick<Problem, 'file' | 'line'>, insideQuote: boolean): Problem[] {
  const out: Problem[] = [];
  const base = (code: ProblemCode, message: string, extra: Partial<Problem> = {}): Problem => ({ severity: 'error', code, ...at(node), message, expected: ALLOWED, example: EXAMPLE, ...extra });
  const name = node.name;
  if (name === null) return [base('mdx-unknown-component', '不能用 <>…</> 片段 (fragments <>…</> are not allowed)')];
  if (name.toLowerCase() === 'script') {
    return [base('mdx-script', '专题里不能有 <script>：网页不运行专题里的代码 (no <script> in a dossier: dossiers run no code)', { suggestion: '删除 <script>…</script>；需要图表请用 <CountChart> (delete it; for a chart use <CountChart>)' })];
  }
  const spec = componentSpec(name);
  if (!spec) {
    const guess = didYouMean(name, DOSSIER_COMPONENT_NAMES);
    const html = /^[a-z]/.test(name);
    return [
      base('mdx-unknown-component', `不认识的组件 <${name}> (unknown component <${name}>)${html ? '：专题里不能写 HTML 标签 (no HTML tags in a dossier)' : ''}`, {
        suggestion: guess ? `你是不是想写 (did you mean) <${guess}>?` : html ? '用 Markdown 写格式：**粗体**、## 标题、> 引用 (use Markdown for formatting)' : undefined,
        example: guess ? componentSpec(guess)!.example : EXAMPLE,
      }),
    ];
  }
  const example = spec.example;
  const allowedProps = spec.props.map((p) => p.name);
  const propsLine = `<${spec.name}> 的属性 (props): ${spec.props.map((p) => `${p.name}${p.required ? '（必填 required）' : ''}`).join(', ') || '无 (none)'}`;
  if (insideQuote) out.push(base('mdx-prop', `<Quote> 里只能写文字，不能放 <${spec.name}> (a <Quote> holds text only)`, { expected: propsLine, example: componentSpec('Quote')!.example }));
  const seen = new Set<string>();
  for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      out.push(base('mdx-expression', `<${spec.name}> 里不能用 {…展开} (no {...spread} props)`, { expected: propsLine, example }));
      continue;
    }
    const prop = spec.props.find((p) => p.name === attribute.name);
    if (!prop) {
      const guess = didYouMean(attribute.name, allowedProps);
      out.push(base('mdx-prop', `<${spec.name}> 没有属性 ${attribute.name} (<${spec.name}> has no prop ${attribute.name})`, { expected: propsLine, example, suggestion: guess ? `你是不是想写 (did you mean) ${guess}?` : undefined }));
      continue;
    }
    if (seen.has(prop.name)) out.push(base('mdx-prop', `属性 ${prop.name} 写了两次 (prop ${prop.name} given twice)`, { expected: propsLine, example }));
    seen.add(prop.name);
    let value: LiteralValue | undefined;
    if (attribute.value === null || attribute.value === undefined) {
      out.push(base('mdx-prop', `属性 ${prop.name} 没有值 (prop ${prop.name} has no value)`, { expected: propsLine, example }));
      continue;
    } else if (typeof attribute.value === 'string') {
      value = attribute.value;
    } else {
      value = literalOf(estreeOf(attribute.value));
      if (value === undefined) {
        out.push(
          base('mdx-expression', `${prop.name}={${attribute.value.value}} 不是字面值：属性只能写 "文字"、数字或 true/false (not a literal: props take "text", numbers or true/false)`, {
            expected: propsLine,
            example,
          }),
        );
        continue;
      }
    }
    const bad = valueProblem(prop, value, ctx);
    // The example is a whole use of the component, with the one prop written right.
    const fixed = bad?.example ? (spec.children ? `<${spec.name} ${bad.example}>…</${spec.name}>` : `<${spec.name} ${bad.example} />`) : example;
    if (bad) out.push(base(bad.code, bad.message, { expected: propsLine, example: fixed, suggestion: bad.suggestion }));
  }
  for (const prop of spec.props) {
    if (prop.required && !seen.has(prop.name)) out.push(base('mdx-prop', `<${spec.name}> 缺少属性 ${prop.name} (missing prop ${prop.name}: ${prop.doc})`, { expected: propsLine, example }));
  }
  const hasText = node.children.length > 0;
  if (spec.children && !hasText) out.push(base('mdx-prop', `<${spec.name}> 里要写引文 (put the quoted passage between <${spec.name}> and </${spec.name}>)`, { expected: propsLine, example }));
  if (!spec.children && hasText) out.push(base('mdx-prop', `<${spec.name}> 不带内容，请写成 <${spec.name} … /> (<${spec.name}> takes no content: close it with />)`, { expected: propsLine, example }));
  return out;
}

/**
 * Every problem of a dossier's MDX tree. `lineOffset` is added to the tree's lines (the body's
 * first line in the file, minus one) so messages point into the file, not into the body.
 */
export function dossierTreeProblems(file: string, tree: Root, ctx: GuardContext, lineOffset = 0): Problem[] {
  const out: Problem[] = [];
  const at = (node: { position?: { start: { line: number } } }) => ({ file, line: (node.position?.start.line ?? 1) + lineOffset });
  const walk = (node: Nodes, insideQuote: boolean) => {
    if (node.type === 'mdxjsEsm') {
      const isImport = /^\s*import\b/.test(node.value);
      out.push({
        severity: 'error',
        code: 'mdx-code',
        ...at(node),
        message: `专题里不能写 ${isImport ? 'import' : 'export'}：组件不用导入，直接写 (no ${isImport ? 'import' : 'export'} in a dossier: the components need no import)`,
        expected: ALLOWED,
        example: EXAMPLE,
        suggestion: `删除这一行 (delete the line): ${node.value.split('\n')[0]}`,
      });
      return;
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      // {/* 注释 */} is MDX's only comment (<!-- --> is a syntax error there): it holds no code.
      const program = estreeOf(node);
      if (program && program.body.length === 0) return;
      out.push({
        severity: 'error',
        code: 'mdx-expression',
        ...at(node),
        message: `正文里不能写 {${node.value.trim()}}：专题不运行代码 (no {expressions} in a dossier's text)`,
        expected: `${ALLOWED}；注释写成 {/* 注释 */} (comments as {/* … */})`,
        example: EXAMPLE,
        suggestion: '直接写出文字或数字；数量请用 <CountChart>，列表用 <Reports> (write the text itself; counts come from <CountChart>, lists from <Reports>)',
      });
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      out.push(...elementProblems(node, ctx, at, insideQuote));
      for (const child of node.children) walk(child as Nodes, insideQuote || node.name === 'Quote');
      return;
    }
    if (node.type === 'html') {
      // Not produced by the MDX parser, but a plugin or a future parser could: refuse raw HTML too.
      out.push({ severity: 'error', code: 'mdx-unknown-component', ...at(node), message: '专题里不能写 HTML (no raw HTML in a dossier)', expected: ALLOWED, example: EXAMPLE });
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, insideQuote);
  };
  walk(tree, false);
  return out;
}

/** Every problem of a dossier body (the text after the front matter, starting at file line `bodyLine`). */
export function dossierMdxProblems(file: string, body: string, bodyLine: number, ctx: GuardContext): Problem[] {
  let tree: Root;
  try {
    tree = parseDossierMdx(body);
  } catch (error) {
    const e = error as { line?: number; reason?: string; message?: string };
    return [
      {
        severity: 'error',
        code: 'mdx-syntax',
        file,
        line: (e.line ?? 1) + bodyLine - 1,
        message: `MDX 写法有误，网页无法生成 (MDX syntax error): ${e.reason ?? e.message ?? String(error)}`,
        expected: `${ALLOWED}；“<”和“{”在正文里要写成 \\< 和 \\{，注释写成 {/* … */} (escape < and { in text; comments as {/* … */})`,
        example: EXAMPLE,
      },
    ];
  }
  return dossierTreeProblems(file, tree, ctx, bodyLine - 1);
}
