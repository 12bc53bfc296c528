// The RareSearch page: one box, suggestions as you type, ranked diseases, whole reports.
// The query and the open report live in the address (/?q=...&report=...), so a page can be shared
// and Back and Forward work. Text from the server is only ever set as text, never parsed as HTML.
'use strict';

(() => {
  const NAME_CONFIDENCE = 0.8;     // a name resolving at least this surely shows its disease first
  const MAX_NAME_CHARS = 200;      // longer text is symptoms, not a name
  const KIND_LABELS = { DISEASE_NAME: 'disease', FINDING: 'finding' };

  const $ = (id) => document.getElementById(id);
  const form = $('search-form');
  const box = $('q');
  const list = $('suggestions');
  const status = $('status');
  const region = $('results-region');
  const results = $('results');
  const reportView = $('report');

  // ---- the address ------------------------------------------------------------------------

  function stateOfAddress() {
    const params = new URLSearchParams(location.search);
    return { q: (params.get('q') || '').trim(), report: params.get('report') || '' };
  }

  function addressOf(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.report) params.set('report', state.report);
    const query = params.toString();
    return '/' + (query ? '?' + query : '');
  }

  function go(state, fromResults) {
    history.pushState({ fromResults: Boolean(fromResults) }, '', addressOf(state));
    render();
  }

  window.addEventListener('popstate', render);

  function render() {
    const state = stateOfAddress();
    closeSuggestions();
    box.value = state.q;
    document.title = state.q ? state.q + ' – RareSearch' : 'RareSearch';
    if (state.report) {
      showReport(state);
    } else {
      reportView.hidden = true;
      search(state.q);
    }
  }

  // ---- talking to the API -----------------------------------------------------------------

  // A server started with a token answers the API only to requests that carry it. The page asks
  // for it once, keeps it in this tab's sessionStorage, and asks again when it is refused.
  const TOKEN_KEY = 'raresearch-token';
  const tokenForm = $('token-form');
  const tokenBox = $('token');
  const tokenMessage = $('token-message');

  function storedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  function askForToken(refused) {
    tokenMessage.textContent = refused
      ? 'That token was refused. Type the access token of this server.'
      : 'This server answers only with its access token. Type it once; this tab keeps it until it is closed.';
    tokenForm.hidden = false;
    tokenBox.value = '';
    tokenBox.focus();
  }

  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = tokenBox.value.trim();
    if (!token) {
      tokenBox.focus();
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    tokenForm.hidden = true;
    render();
  });

  async function getJson(path, params) {
    const headers = { Accept: 'application/json' };
    const token = storedToken();
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path + '?' + new URLSearchParams(params), { headers });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      askForToken(Boolean(token));
      throw new Error('this server needs its access token');
    }
    if (!response.ok) {
      throw new Error(body && body.message ? body.message : 'the server answered ' + response.status);
    }
    return body;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  // ---- searching --------------------------------------------------------------------------

  let searchGeneration = 0;

  /** Looks a query up as symptoms and, when it could be a name, as a name too. */
  async function search(q) {
    const mine = ++searchGeneration;
    results.replaceChildren();
    if (!q) {
      region.hidden = true;
      say('');
      return;
    }
    say('Searching…');
    const couldBeName = q.length <= MAX_NAME_CHARS && !/[,;\n]/.test(q);
    let found;
    let named = [];
    try {
      const [hits, names] = await Promise.all([
        getJson('/api/search', { q, limit: '10' }),
        couldBeName ? getJson('/api/resolve', { name: q, limit: '5' }).catch(() => null) : null,
      ]);
      found = hits;
      named = namedDiseases(names);
    } catch (e) {
      if (mine === searchGeneration) {
        region.hidden = true;
        say(e.message.charAt(0).toUpperCase() + e.message.slice(1) + '.', true);
      }
      return;
    }
    if (mine !== searchGeneration) return;
    showResults(q, found, named);
  }

  /** The surest candidates of a name resolution, when they are sure enough to lead. */
  function namedDiseases(names) {
    if (!names || !names.candidates.length) return [];
    const best = names.candidates[0].confidence;
    if (best < NAME_CONFIDENCE) return [];
    return names.candidates.filter((c) => c.confidence === best && c.kind !== 'PARTIAL');
  }

  function showResults(q, found, named) {
    const byId = new Map(found.hits.map((hit) => [hit.id, hit]));
    const namedIds = new Set(named.map((c) => c.id));
    const rows = named.map((c) => ({ hit: byId.get(c.id) || null, match: c }));
    found.hits.filter((hit) => !namedIds.has(hit.id)).forEach((hit) => rows.push({ hit, match: null }));

    results.replaceChildren(...rows.map((row, i) => hitItem(q, i + 1, row.hit, row.match)));
    region.hidden = rows.length === 0;
    let text;
    if (rows.length === 0) {
      text = 'No disease matches “' + q + '”.';
    } else {
      text = found.hits.length + ' of ' + found.totalMatches + ' matching diseases for “' + q + '”.';
      if (named.length) {
        text = '“' + q + '” names ' + (named.length === 1 ? named[0].title : named.length + ' diseases')
            + ', shown first. ' + text;
      }
      if (found.truncated) text += ' The query was long: only its first findings were searched.';
    }
    say(text);
  }

  /** One disease of the results: from the search (with passages), a name match, or both. */
  function hitItem(q, rank, hit, match) {
    const id = hit ? hit.id : match.id;
    const item = el('li', 'hit');
    item.dataset.id = id;

    const heading = el('h3');
    heading.append(el('span', 'rank', rank + '.'));
    const link = el('a', 'title', hit ? hit.title : match.title);
    link.href = addressOf({ q, report: id });
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      go({ q, report: id }, true);
    });
    heading.append(link);
    if (match) {
      const how = match.kind.toLowerCase().replace('_', ' ');
      heading.append(el('span', 'badge', 'name match: ' + how + ' “' + match.matchedName + '”'));
    }
    item.append(heading);

    const sources = (hit || match).sourceIds || [];
    const meta = [];
    if (hit && hit.matchedSections.length) meta.push('Matched in ' + hit.matchedSections.join(', '));
    if (sources.length > 1) meta.push('Reports: ' + sources.join(', '));
    if (meta.length) item.append(el('p', 'meta', meta.join(' · ')));

    const findings = hit ? findingsOf(hit) : [];
    if (findings.length) {
      const listed = el('ul', 'findings');
      listed.setAttribute('aria-label', 'Recognised findings');
      findings.forEach((finding) => listed.append(findingItem(finding)));
      item.append(listed);
    }

    if (hit && hit.snippets.length) {
      const passages = el('ul', 'snippets');
      passages.setAttribute('aria-label', 'Matching passages');
      hit.snippets.forEach((snippet) => passages.append(snippetItem(snippet)));
      item.append(passages);
    }
    return item;
  }

  /** For each recognised finding of the query, the disease's annotated phenotype, when the API gives them. */
  function findingsOf(hit) {
    return Array.isArray(hit.phenotypeMatches) ? hit.phenotypeMatches : [];
  }

  /** A recognised finding: the annotated term, how often the disease has it, and which report says so. */
  function findingItem(match) {
    const item = el('li', 'finding');
    const contradicts = match.relation === 'CONTRADICTS';
    item.append(document.createTextNode((contradicts ? 'against: ' : '') + (match.annotatedTermLabel || match.queryTermLabel || match.finding || '')));
    const frequency = typeof match.frequency === 'string' ? match.frequency.toLowerCase().replace(/_/g, ' ') : '';
    const about = [frequency, match.reportId].filter((x) => typeof x === 'string' && x);
    if (about.length) item.append(el('span', 'freq', ' (' + about.join(', ') + ')'));
    if (match.finding) item.title = 'Your finding: ' + match.finding;
    return item;
  }

  /** A passage with its matching words marked. */
  function snippetItem(snippet) {
    const item = el('li');
    item.append(el('span', 'section', snippet.section + ': '));
    let at = 0;
    for (const [start, end] of snippet.highlights) {
      if (start < at || end > snippet.text.length) continue;
      item.append(document.createTextNode(snippet.text.slice(at, start)));
      item.append(el('mark', null, snippet.text.slice(start, end)));
      at = end;
    }
    item.append(document.createTextNode(snippet.text.slice(at)));
    return item;
  }

  // ---- a whole report ---------------------------------------------------------------------

  async function showReport(state) {
    const mine = ++searchGeneration;
    region.hidden = true;
    reportView.hidden = false;
    const back = $('report-back');
    back.href = addressOf({ q: state.q });
    back.textContent = state.q ? 'Back to the results' : 'New search';
    $('report-title').textContent = 'Loading…';
    $('report-meta').textContent = '';
    $('report-body').replaceChildren();
    say('');
    let report;
    try {
      report = await getJson('/api/reports/' + encodeURIComponent(state.report), {});
    } catch (e) {
      if (mine === searchGeneration) {
        $('report-title').textContent = 'No such report';
        say(e.message.charAt(0).toUpperCase() + e.message.slice(1) + '.', true);
      }
      return;
    }
    if (mine !== searchGeneration) return;
    document.title = report.title + ' – RareSearch';
    $('report-title').textContent = report.title;
    const meta = ['Report ' + report.id];
    if (report.synonyms.length) meta.push('Also called ' + report.synonyms.join('; '));
    $('report-meta').textContent = meta.join(' · ');
    const body = $('report-body');
    for (const section of report.sections) {
      body.append(el('h3', null, section.heading));
      section.text.split(/\n{2,}/).forEach((paragraph) => body.append(el('p', null, paragraph)));
    }
    if (report.organizations.length) {
      body.append(el('h3', null, 'Supporting Organizations'));
      const orgs = el('ul');
      report.organizations.forEach((o) => orgs.append(el('li', null, [o.name].concat(o.address || []).join(', '))));
      body.append(orgs);
    }
    const footer = [];
    if (report.lastUpdated) footer.push('Last updated ' + report.lastUpdated);
    if (report.copyright) footer.push(report.copyright);
    if (footer.length) body.append(el('p', 'meta', footer.join(' · ')));
    $('report-title').focus();
  }

  $('report-back').addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (history.state && history.state.fromResults) {
      history.back();
    } else {
      go({ q: stateOfAddress().q }, false);
    }
  });

  // ---- the box and its suggestions (the ARIA combobox pattern) ------------------------------

  let suggestTimer = 0;
  let suggestGeneration = 0;
  let options = [];
  let active = -1;

  /** The finding being typed: the text after the last comma or semicolon. */
  function typedPart(text) {
    return text.slice(Math.max(text.lastIndexOf(','), text.lastIndexOf(';')) + 1);
  }

  async function suggest() {
    const part = typedPart(box.value).trim();
    const mine = ++suggestGeneration;
    if (part.length < 2) {
      closeSuggestions();
      return;
    }
    let answer;
    try {
      answer = await getJson('/api/suggest', { q: part, limit: '8' });
    } catch (e) {
      answer = { suggestions: [] };
    }
    if (mine !== suggestGeneration || document.activeElement !== box) return;
    openSuggestions(answer.suggestions);
  }

  function openSuggestions(items) {
    options = items;
    active = -1;
    box.removeAttribute('aria-activedescendant');
    if (!items.length) {
      closeSuggestions();
      return;
    }
    list.replaceChildren(...items.map((suggestion, i) => {
      const option = el('li');
      option.id = 'suggestion-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.append(el('span', 'text', suggestion.text));
      option.append(el('span', 'kind', KIND_LABELS[suggestion.kind] || ''));
      option.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keeps the focus in the box
        pick(i);
      });
      return option;
    }));
    list.hidden = false;
    box.setAttribute('aria-expanded', 'true');
  }

  function closeSuggestions() {
    suggestGeneration++;
    options = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
  }

  function setActive(index) {
    active = index;
    Array.from(list.children).forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = list.children[index];
    box.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  /** Puts a suggestion in the box: a disease name is searched at once, a finding awaits the next. */
  function pick(index) {
    const suggestion = options[index];
    const text = box.value;
    const cut = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'));
    closeSuggestions();
    if (cut < 0 && suggestion.kind === 'DISEASE_NAME') {
      box.value = suggestion.text;
      submit();
    } else {
      box.value = (cut >= 0 ? text.slice(0, cut + 1) + ' ' : '') + suggestion.text + ', ';
      box.focus();
    }
  }

  box.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 150);
  });

  box.addEventListener('keydown', (event) => {
    const open = !list.hidden && options.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (open) setActive((active + 1) % options.length);
      else suggest();
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      closeSuggestions();
    }
  });

  box.addEventListener('blur', closeSuggestions);

  function submit() {
    const q = box.value.trim().replace(/[\s,;]+$/, '');
    if (!q) {
      say('Type some symptoms or a disease name first.', true);
      box.focus();
      return;
    }
    go({ q }, false);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });

  render();
})();
