// Source preview page. Source text arrives as data and is only ever set with textContent:
// nothing in an article can become markup, a link or a script here.
(function () {
  const vscode = acquireVsCodeApi();
  const article = document.getElementById('article');
  const meta = document.getElementById('meta');
  const hint = document.getElementById('hint');
  let current = { key: undefined, cited: undefined, paragraphs: 0 };
  let chosen; // paragraph the writer clicked

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(message) {
    meta.replaceChildren();
    meta.append(el('h1', 'title', message.meta.title));
    const facts = [message.meta.publisher, message.meta.issued].filter(Boolean).join(' · ');
    if (facts) meta.append(el('div', 'facts', facts));
    if (message.meta.url) meta.append(el('div', 'url', message.meta.url));
    meta.append(el('div', 'key', '@' + message.meta.key));
    article.replaceChildren();
    // An unbroken text: its sentence passages flow inline in one block, without numbers.
    const flow = message.flow ? el('p', 'flow') : undefined;
    if (flow) article.append(flow);
    for (const p of message.paragraphs) {
      const block = el(flow ? 'span' : 'p', 'paragraph');
      block.dataset.paragraph = String(p.index);
      block.tabIndex = 0;
      if (!flow) block.append(el('span', 'number', p.mark));
      block.append(el('span', 'text', p.text));
      if (flow) flow.append(block, ' ');
      else article.append(block);
    }
    current = { key: message.key, cited: undefined, paragraphs: message.paragraphs.length };
    chosen = undefined;
    highlight(message.cited);
  }

  function highlight(cited) {
    for (const old of article.querySelectorAll('.paragraph.cited')) {
      old.classList.remove('cited');
      old.removeAttribute('aria-current');
    }
    const target = cited !== undefined ? article.querySelector('.paragraph[data-paragraph="' + Number(cited) + '"]') : null;
    if (target) {
      target.classList.add('cited');
      target.setAttribute('aria-current', 'true');
      target.scrollIntoView({ block: 'center' });
    }
    current.cited = target ? Number(cited) : undefined;
    const shown = target || article.querySelector('.paragraph');
    vscode.postMessage({ type: 'rendered', key: current.key, cited: current.cited, paragraphs: current.paragraphs, shownText: shown ? shown.querySelector('.text').textContent : '' });
  }

  function paragraphOf(node) {
    const block = node && (node.nodeType === 1 ? node : node.parentElement).closest('.paragraph');
    return block ? Number(block.dataset.paragraph) : undefined;
  }

  article.addEventListener('click', (event) => {
    const n = paragraphOf(event.target);
    if (n === undefined) return;
    chosen = n;
    for (const old of article.querySelectorAll('.paragraph.chosen')) old.classList.remove('chosen');
    event.target.closest('.paragraph').classList.add('chosen');
  });

  function selectedPassage() {
    const selection = window.getSelection();
    const text = selection ? selection.toString().trim() : '';
    const paragraph = (text && paragraphOf(selection.anchorNode)) || chosen || current.cited;
    return { text, paragraph };
  }

  for (const [id, what] of [['insert-citation', 'citation'], ['replace-citation', 'replacement']]) {
    document.getElementById(id).addEventListener('click', () => {
      const { paragraph } = selectedPassage();
      if (paragraph === undefined) return void (hint.textContent = 'Click a paragraph first.');
      hint.textContent = '';
      vscode.postMessage({ type: 'insert', what, key: current.key, paragraph });
    });
  }
  document.getElementById('insert-quotation').addEventListener('click', () => {
    const { text, paragraph } = selectedPassage();
    if (!text || paragraph === undefined) return void (hint.textContent = 'Select words of one paragraph to quote them.');
    hint.textContent = '';
    vscode.postMessage({ type: 'insert', what: 'quotation', key: current.key, paragraph, text });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'show') show(message);
    else if (message && message.type === 'highlight') highlight(message.cited);
  });
  vscode.postMessage({ type: 'ready' });
})();
