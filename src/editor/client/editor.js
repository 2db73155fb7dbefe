/*
 * The archive's additions to Decap CMS, loaded after its bundle on /admin/ (served by
 * src/editor/server.ts): the region picker, the paste-to-import box, and the save guard that
 * runs the same check as `npm run check` before anything is written. Plain browser JavaScript on
 * Decap's own globals (CMS, h = React.createElement, createClass), so nothing is built for it.
 */
/* global CMS, h, createClass */
(function () {
  'use strict';

  function api(path, body) {
    const init = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    return fetch('/admin/api/' + path, init).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || r.statusText);
        return j;
      });
    });
  }

  // Immutable's List and Map, taken from a value Decap hands every widget (field is a Map), so
  // that values we set look exactly like the ones Decap's own widgets set.
  function immutableOf(field) {
    const List = field.toList().constructor;
    const IMap = field.constructor;
    function to(v) {
      if (Array.isArray(v)) return new List(v.map(to));
      if (v && typeof v === 'object') {
        const o = {};
        Object.keys(v).forEach(function (k) { o[k] = to(v[k]); });
        return new IMap(o);
      }
      return v;
    }
    return { List: List, to: to };
  }

  function plain(v) {
    return v && typeof v.toJS === 'function' ? v.toJS() : v;
  }

  // ---- Region picker: type 钱塘, 朝阳 or qiantang, choose a full name, store the GB/T 2260 code.
  function regionPicker(multiple) {
    return createClass({
      getInitialState: function () { return { q: '', hits: [], names: {} }; },
      componentDidMount: function () { this.loadNames(); },
      componentDidUpdate: function (prev) { if (prev.value !== this.props.value) this.loadNames(); },
      codes: function () {
        const v = plain(this.props.value);
        if (!v) return [];
        return (Array.isArray(v) ? v : [v]).map(String).filter(Boolean);
      },
      loadNames: function () {
        const self = this;
        const missing = this.codes().filter(function (c) { return !self.state.names[c]; });
        if (!missing.length) return;
        api('regions?codes=' + missing.join(',')).then(function (n) { self.setState({ names: Object.assign({}, self.state.names, n) }); });
      },
      search: function (q) {
        const self = this;
        this.setState({ q: q });
        if (!q.trim()) return this.setState({ hits: [] });
        api('regions?q=' + encodeURIComponent(q)).then(function (hits) { if (self.state.q === q) self.setState({ hits: hits }); });
      },
      store: function (codes) {
        if (multiple) this.props.onChange(new (immutableOf(this.props.field).List)(codes));
        else this.props.onChange(codes[0] || '');
      },
      choose: function (hit) {
        const codes = multiple ? this.codes() : [];
        if (codes.indexOf(hit.code) === -1) codes.push(hit.code);
        const names = Object.assign({}, this.state.names);
        names[hit.code] = hit.name;
        this.setState({ q: '', hits: [], names: names });
        this.store(codes);
      },
      remove: function (code) {
        this.store(this.codes().filter(function (c) { return c !== code; }));
      },
      render: function () {
        const self = this;
        const codes = this.codes();
        return h('div', { className: 'xs-picker ' + (this.props.classNameWrapper || '') },
          h('div', { 'data-testid': 'region-chosen' }, codes.map(function (code) {
            return h('span', { className: 'xs-chip', key: code, 'data-code': code },
              (self.state.names[code] || '') + ' ' + code,
              h('button', { type: 'button', 'aria-label': '去掉 ' + (self.state.names[code] || code), onClick: function () { self.remove(code); } }, '×'));
          })),
          h('input', {
            id: this.props.forID,
            type: 'search',
            value: this.state.q,
            placeholder: multiple ? '输入地名或拼音，如 钱塘、朝阳、qiantang' : '地名或拼音',
            autoComplete: 'off',
            onChange: function (e) { self.search(e.target.value); },
            onFocus: this.props.setActiveStyle,
            onBlur: this.props.setInactiveStyle,
          }),
          this.state.hits.length ? h('ul', { role: 'listbox', 'aria-label': '地区候选' }, this.state.hits.map(function (hit) {
            return h('li', { key: hit.code, role: 'option' },
              h('button', { type: 'button', 'data-code': hit.code, onClick: function () { self.choose(hit); } }, hit.name + '　' + hit.code));
          })) : null);
      },
    });
  }

  // ---- Paste-to-import: the importer (on the local backend) fills the form; nothing is saved.
  function findStore(node) {
    const key = Object.keys(node).find(function (k) { return k.indexOf('__reactFiber$') === 0 || k.indexOf('__reactInternalInstance$') === 0; });
    for (let f = key && node[key]; f; f = f.return) {
      const p = f.memoizedProps;
      if (p && p.store && typeof p.store.dispatch === 'function' && typeof p.store.getState === 'function') return p.store;
    }
    return undefined;
  }

  const IMPORTED = ['title', 'subtitle', 'date', 'dateCertainty', 'dateNote', 'outlet', 'source', 'reporters', 'correspondents', 'editors', 'photographers', 'kind', 'bodies', 'regions', 'topics', 'keywords', 'figures', 'events', 'originalScript', 'notes', 'body'];

  const PasteImport = createClass({
    getInitialState: function () { return { text: '', busy: false, error: '', result: null, index: 0 }; },
    run: function () {
      const self = this;
      this.setState({ busy: true, error: '' });
      api('import', { text: this.state.text }).then(function (result) {
        self.setState({ busy: false, result: result, index: 0 });
        self.fill(result.records[0]);
      }, function (e) { self.setState({ busy: false, error: e.message }); });
    },
    fill: function (record) {
      const store = findStore(this.root);
      if (!store) return this.setState({ error: '无法填写表单 (the form was not found)' });
      const imm = immutableOf(this.props.field);
      const fields = this.props.collection.get('fields');
      fields.forEach(function (field) {
        const name = field.get('name');
        if (IMPORTED.indexOf(name) === -1) return;
        let value = record.fields[name];
        if (value === null || value === undefined) return;
        if (name === 'source') value = Object.assign({ url: '', page: '', file: '', part: '' }, value);
        store.dispatch({ type: 'DRAFT_CHANGE_FIELD', payload: { field: field, value: imm.to(value), metadata: {}, entries: [] } });
      });
    },
    choose: function (i) {
      this.setState({ index: i });
      this.fill(this.state.result.records[i]);
    },
    review: function () {
      const self = this;
      const result = this.state.result;
      if (!result) return null;
      const rec = result.records[this.state.index];
      const r = rec.review;
      return h('div', { className: 'xs-review', 'data-testid': 'import-review', role: 'status' },
        result.articles > 1 ? h('p', null, '页面里有 ' + result.articles + ' 篇报道，当前填入第 ' + (this.state.index + 1) + ' 篇：',
          result.records.map(function (_, i) { return h('button', { type: 'button', key: i, onClick: function () { self.choose(i); } }, '第 ' + (i + 1) + ' 篇'); })) : null,
        h('p', null, '已填入表单，请核对后再保存。'),
        h('h4', null, '导入器的判断'),
        h('ul', null, r.guesses.map(function (g, i) { return h('li', { key: i }, g.field + '：' + g.value + '（' + ({ high: '把握大', medium: '把握中等', low: '把握小' }[g.confidence] || g.confidence) + '；依据：' + g.from + '）'); })),
        r.outlet && !rec.fields.outlet ? h('p', null, '媒体“' + r.outlet + '”不在 content/outlets.yaml 里，请先添加。') : null,
        r.warnings.length ? h('div', null, h('h4', null, '提醒'), h('ul', null, r.warnings.map(function (w, i) { return h('li', { key: i }, w); }))) : null,
        h('details', null, h('summary', null, '去掉的内容（' + r.removed.length + ' 行）'),
          h('ul', null, r.removed.map(function (x, i) { return h('li', { key: i }, x.text + ' —— ' + x.reason); }))));
    },
    render: function () {
      const self = this;
      return h('div', { className: 'xs-box', ref: function (el) { self.root = el; } },
        h('p', { id: this.props.forID + '-help' }, '把复制的报道文字或保存的网页 HTML 粘贴到这里，点“导入”由导入器填写下面的表单。保存之前不会写入任何文件。'),
        h('textarea', { id: this.props.forID, 'aria-describedby': this.props.forID + '-help', value: this.state.text, onChange: function (e) { self.setState({ text: e.target.value }); } }),
        h('button', { type: 'button', disabled: this.state.busy || !this.state.text.trim(), onClick: this.run }, this.state.busy ? '导入中…' : '导入'),
        this.state.error ? h('p', { className: 'xs-problems', role: 'alert' }, this.state.error) : null,
        this.review());
    },
  });

  // ---- Save guard: the same check as `npm run check`, messages next to their fields.
  let labels = {};
  function showProblems(problems) {
    document.querySelectorAll('.xs-field-problem').forEach(function (n) { n.remove(); });
    problems.forEach(function (p) {
      const name = (p.field || '').split(/[.[]/)[0];
      const label = labels[name];
      if (!label) return;
      const el = Array.prototype.find.call(document.querySelectorAll('label'), function (l) { return l.textContent.trim().indexOf(label) === 0; });
      const control = el && el.parentNode;
      if (!control || !control.parentNode) return;
      const note = document.createElement('p');
      note.className = 'xs-field-problem';
      note.setAttribute('role', 'alert');
      note.textContent = p.message + (p.suggestion ? '；' + p.suggestion : '');
      // After the whole control (label, input, hint), so Decap's flex row is left as it is.
      control.parentNode.insertBefore(note, control.nextSibling);
    });
  }

  // A field's check message goes as soon as the editor changes that field (the next save checks again).
  function dropStaleProblem(event) {
    for (let node = event.target, depth = 0; node && node !== document.body && depth < 40; node = node.parentNode, depth++) {
      // The note stands between the field's label row and its input (see showProblems).
      for (const near of [node.previousElementSibling, node.nextElementSibling]) {
        if (near && near.classList.contains('xs-field-problem')) {
          near.remove();
          return;
        }
      }
    }
  }
  document.addEventListener('input', dropStaleProblem, true);
  document.addEventListener('change', dropStaleProblem, true);

  function preSave(event) {
    const entry = event.entry;
    let data = entry.get('data').delete('_import').delete('_year').delete('_name');
    const js = plain(data);
    const body = js.body || '';
    delete js.body;
    return api('check', { data: js, body: body, path: entry.get('path'), newEntry: Boolean(entry.get('newRecord')) }).then(function (plan) {
      showProblems(plan.problems);
      if (plan.problems.length) {
        throw new Error('没有保存：检查发现问题\n' + plan.problems.map(function (p) { return (p.field ? p.field + '：' : '') + p.message; }).join('\n'));
      }
      if (plan.isNew) {
        // reports/<year>/<name>.md, as `npm run new` names it; Decap builds its path from these.
        const m = /^reports\/([^/]+)\/(.+)\.md$/.exec(plan.path);
        data = data.set('_year', m[1]).set('_name', m[2]);
      }
      return data;
    });
  }

  fetch('/admin/config.json').then(function (r) { return r.json(); }).then(function (config) {
    config.collections[0].fields.forEach(function (f) { labels[f.name] = f.label; });
    CMS.registerWidget('regions', regionPicker(true));
    CMS.registerWidget('region', regionPicker(false));
    CMS.registerWidget('paste-import', PasteImport);
    CMS.registerEventListener({ name: 'preSave', handler: preSave });
    CMS.init({ config: config });
  });
})();
