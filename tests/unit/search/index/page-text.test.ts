import { describe, expect, it } from 'vitest';
import { searchBodyText, searchData } from '../../../../src/lib/search/build/page-text.ts';

const page = (body: string) => `<!doctype html><html><head><title>标题</title><style>p{}</style></head><body><header>站点导航</header>${body}<footer>页脚</footer></body></html>`;

describe('searchBodyText', () => {
  it('takes only the body element, one line per block', () => {
    expect(searchBodyText(page('<main><article data-search-body><h1>钱塘区</h1><p>第一段</p><p>第二<b>段</b></p></article><aside>旁栏</aside></main>'))).toBe('钱塘区\n第一段\n第二段');
  });

  it('is undefined for a page without a body element', () => {
    expect(searchBodyText(page('<article><p>正文</p></article>'))).toBeUndefined();
    expect(searchBodyText(page('<article data-search-body-x><p>正文</p></article>'))).toBeUndefined();
  });

  it('leaves out ignored subtrees, nested ones included', () => {
    const html = page('<div data-search-body><p>前</p><div data-search-ignore>甲<div data-search-ignore>乙</div>丙<span>丁</span></div><p>后</p></div>');
    expect(searchBodyText(html)).toBe('前\n后');
    const deeper = page('<div data-search-body><section><div data-search-ignore="">隐<p>藏</p></div>见</section></div>');
    expect(searchBodyText(deeper)).toBe('见');
  });

  it('does not let void or self-closed elements unbalance the depth', () => {
    const html = page('<div data-search-body><p>图<img src="a.png" alt="x">片</p><hr><input type="text"><span/>尾</div><p>外面</p>');
    expect(searchBodyText(html)).toBe('图片\n尾');
  });

  it('breaks lines at <br>', () => {
    expect(searchBodyText(page('<div data-search-body>第一行<br>第二行<br/>第三行</div>'))).toBe('第一行\n第二行\n第三行');
  });

  it('decodes character references', () => {
    expect(searchBodyText(page('<div data-search-body>A&amp;B &#x4e2d;&#20013; 中&nbsp;国 &lt;p&gt; &amp;lt;</div>'))).toBe('A&B 中中 中 国 <p> &lt;');
  });

  it('skips scripts, styles and comments, even with tags inside them', () => {
    const html = page('<div data-search-body>前<script>var s = "<p>不是正文</p>"; if (a > b) {}</script><style>.x > p { color: red }</style><!-- <p>注释</p> -->后</div>');
    expect(searchBodyText(html)).toBe('前后');
  });

  it('does not let a < inside a script or style open a tag and swallow the rest of the body', () => {
    const html = page('<div data-search-body>前<script>for (i = 0; i<n; i++) if (a<b) {}</script>后<p>中</p><STYLE>p<a {}</STYLE>末</div>');
    expect(searchBodyText(html)).toBe('前后\n中\n末');
  });

  it('starts a new line where a block starts after inline text', () => {
    expect(searchBodyText(page('<div data-search-body>导语<p>正文</p>结尾</div>'))).toBe('导语\n正文\n结尾');
  });

  it('reads tags whose quoted attributes contain >', () => {
    const html = page('<div class="a>b" data-search-body><p title="x > y">正文</p><div data-x=\'>\' data-search-ignore>隐藏</div></div>');
    expect(searchBodyText(html)).toBe('正文');
  });

  it('collapses spaces within lines and drops blank lines', () => {
    expect(searchBodyText(page('<div data-search-body>\n  <p>  一   二 </p>\n\n\n<p>\t三</p></div>'))).toBe('一 二\n三');
  });
});

describe('searchData', () => {
  it('reads meta and facet values, entity-decoded, facets in page order', () => {
    const html = page(`<div hidden data-search-ignore>
      <data value="浙江省" data-search-facet="province"></data>
      <data value="杭州市" data-search-facet="city"></data>
      <data value="数字经济" data-search-facet="topic"></data>
      <data value="科技&amp;创新" data-search-facet="topic"></data>
      <data value="钱塘区&quot;规上&quot;工业&#x4e2d;" data-search-meta="headline"></data>
      <data value="2022-08-24" data-search-meta="date"></data>
    </div><data data-value="x" data-search-meta="noise"></data>`);
    const { meta, facets } = searchData(html);
    expect(meta).toEqual({ headline: '钱塘区"规上"工业中', date: '2022-08-24' });
    expect(facets).toEqual({ province: ['浙江省'], city: ['杭州市'], topic: ['数字经济', '科技&创新'] });
  });

  it('is empty for a page without data elements', () => {
    expect(searchData(page('<p>正文</p>'))).toEqual({ meta: {}, facets: {} });
  });
});

describe('titles and names with markup characters (issue 14 item 4)', () => {
  it('reads a headline or outlet holding >, < and quotes whole', () => {
    const html = page(`<div data-search-body><p>正文</p></div><div hidden data-search-ignore>
      <data value="a>b <c> &quot;d&quot;" data-search-meta="headline"></data>
      <data value="2022-08-24" data-search-meta="date"></data>
      <data value="X>Y日报" data-search-meta="outlet"></data>
      <data value="X>Y日报" data-search-facet="outlet"></data></div>`);
    const { meta, facets } = searchData(html);
    expect(meta).toEqual({ headline: 'a>b <c> "d"', date: '2022-08-24', outlet: 'X>Y日报' });
    expect(facets).toEqual({ outlet: ['X>Y日报'] });
  });
});
