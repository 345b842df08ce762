/**
 * Demo chat page: pick a recorded question (or type it), see it as a user turn, then watch the
 * recorded answer "stream" into an assistant turn, which is marked finished at the end.
 *
 * The DOM it builds is the contract with the extension's demo site adapter:
 *   <main id="conversation">
 *     <div class="turn" data-role="user"><div class="text">…</div></div>
 *     <div class="turn" data-role="assistant" data-streaming="true|false">
 *       <div class="answer-body">…</div>
 *     </div>
 *   </main>
 * Model text only ever enters the page as text nodes (textContent), never as HTML.
 *
 * URL parameters: `?q=<question id>` starts that question at once; `?fast=1` streams in about
 * a tenth of the time (for tests and CI).
 */
(() => {
  'use strict';

  const params = new URLSearchParams(location.search);
  const FAST = params.get('fast') === '1';
  /** How long an answer takes to stream, and the pause before its first words. */
  const STREAM_MS = FAST ? 150 : 1500;
  const THINK_MS = FAST ? 0 : 450;
  const TICK_MS = FAST ? 15 : 30;
  /** A typed prompt matches a recorded one when it covers this share of its words. */
  const MIN_OVERLAP = 0.6;

  const $ = (id) => document.getElementById(id);
  const conversation = $('conversation');
  const scroller = $('scroller');
  const welcome = $('welcome');
  const cards = $('picker-cards');
  const chips = $('picker-chips');
  const form = $('composer');
  const input = $('prompt');
  const send = $('send');
  const hint = $('hint');

  /** @type {{id: string, title?: string, prompt: string, model: string, answer: string}[]} */
  let questions = [];
  /** Where the recorded answers come from (the data file's `source`). */
  let recordedSource = null;
  let busy = false;

  const words = (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  const normalise = (text) => words(text).join(' ');

  /** The recorded question a typed prompt asks (same rule as the replay server), or null. */
  function findQuestion(text) {
    const key = normalise(text);
    const exact = questions.find((q) => normalise(q.prompt) === key);
    if (exact) return exact;
    const asked = new Set(words(text));
    let best = null;
    let bestScore = 0;
    for (const q of questions) {
      const recorded = new Set(words(q.prompt));
      let shared = 0;
      for (const w of recorded) if (asked.has(w)) shared += 1;
      const score = recorded.size ? shared / recorded.size : 0;
      if (score > bestScore) {
        best = q;
        bestScore = score;
      }
    }
    return bestScore >= MIN_OVERLAP ? best : null;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Renders answer text as prose: blank lines separate paragraphs, runs of "- " or "1. " lines
   * become lists, single line breaks stay line breaks. Text nodes only.
   */
  function renderAnswer(body, text) {
    const blocks = text
      .split(/\n\s*\n/)
      .map((block) => block.replace(/^\s+|\s+$/g, ''))
      .filter(Boolean);
    const nodes = blocks.map((block) => {
      const lines = block.split('\n');
      const bullet = /^\s*[-*•]\s+/;
      const numbered = /^\s*\d+[.)]\s+/;
      if (lines.length > 1 && lines.every((l) => bullet.test(l))) return list('ul', lines, bullet);
      if (lines.length > 1 && lines.every((l) => numbered.test(l)))
        return list('ol', lines, numbered);
      const p = el('p');
      lines.forEach((line, i) => {
        if (i > 0) p.append(el('br'));
        p.append(document.createTextNode(line));
      });
      return p;
    });
    body.replaceChildren(...nodes);
  }

  function list(tag, lines, marker) {
    const node = el(tag);
    for (const line of lines) node.append(el('li', '', line.replace(marker, '')));
    return node;
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
  }

  function scrollToEnd() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  function setBusy(value) {
    busy = value;
    for (const button of document.querySelectorAll('.question-card, .question-chip')) {
      button.disabled = value;
    }
    $('new-chat').disabled = value;
    updateSend();
  }

  function updateSend() {
    send.disabled = busy || input.value.trim() === '';
  }

  function showHint(text) {
    hint.textContent = text;
  }

  /** Adds the user turn, then streams the recorded answer into a new assistant turn. */
  async function ask(question) {
    if (busy) return;
    setBusy(true);
    showHint('');
    welcome.hidden = true;
    chips.hidden = false;
    // The model that wrote this question's answers (the long WikiBio answer is not gpt-3.5's).
    if (typeof question.model === 'string') $('model-name').textContent = question.model;
    renderSource(question.source || recordedSource, question.model);

    const user = el('div', 'turn');
    user.dataset.role = 'user';
    user.append(el('div', 'text', question.prompt));

    const assistant = el('div', 'turn');
    assistant.dataset.role = 'assistant';
    assistant.dataset.streaming = 'true';
    assistant.dataset.questionId = question.id;
    const body = el('div', 'answer-body');
    assistant.append(body);

    conversation.append(user, assistant);
    scrollToEnd();

    await sleep(THINK_MS);
    // Stream word by word (whitespace kept), re-rendering the prose as it grows.
    const pieces = question.answer.match(/\s+|\S+/g) || [];
    const ticks = Math.max(1, Math.round(STREAM_MS / TICK_MS));
    const perTick = Math.max(1, Math.ceil(pieces.length / ticks));
    for (let shown = 0; shown < pieces.length;) {
      shown = Math.min(pieces.length, shown + perTick);
      const follow = nearBottom();
      renderAnswer(body, pieces.slice(0, shown).join(''));
      if (follow) scrollToEnd();
      if (shown < pieces.length) await sleep(TICK_MS);
    }
    renderAnswer(body, question.answer);
    assistant.append(actions(question.answer));
    assistant.dataset.streaming = 'false';
    setBusy(false);
    document.dispatchEvent(
      new CustomEvent('demo-chat:answer-finished', { detail: { id: question.id } }),
    );
  }

  function actions(answer) {
    const row = el('div', 'turn-actions');
    const copy = el('button', 'icon-button');
    copy.type = 'button';
    copy.setAttribute('aria-label', 'Copy answer');
    copy.append(copyIcon(), document.createTextNode('Copy'));
    copy.addEventListener('click', () => {
      navigator.clipboard?.writeText(answer).then(
        () => (copy.lastChild.textContent = 'Copied'),
        () => (copy.lastChild.textContent = 'Copy failed'),
      );
    });
    row.append(copy);
    return row;
  }

  function copyIcon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M9 9h10v10H9zM5 15V5h10');
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2');
    path.setAttribute('stroke-linejoin', 'round');
    svg.append(path);
    return svg;
  }

  function renderPicker() {
    cards.replaceChildren();
    chips.replaceChildren();
    for (const q of questions) {
      const card = el('button', 'question-card');
      card.type = 'button';
      card.setAttribute('role', 'listitem');
      card.dataset.questionId = q.id;
      card.append(
        el('span', 'card-title', q.title || q.prompt),
        el('span', 'card-prompt', q.prompt),
      );
      card.addEventListener('click', () => ask(q));
      cards.append(card);

      const chip = el('button', 'question-chip', q.title || q.prompt);
      chip.type = 'button';
      chip.dataset.questionId = q.id;
      chip.title = q.prompt;
      chip.addEventListener('click', () => ask(q));
      chips.append(chip);
    }
  }

  /**
   * Credits the answers' source under the composer (from the data, as text): the asked
   * question's own source when it has one (a WikiBio passage), else the recordings'.
   */
  function renderSource(source, model) {
    const disclaimer = $('disclaimer');
    if (!source || typeof source.repository !== 'string') return;
    disclaimer.replaceChildren(
      document.createTextNode(`Real ${model || 'model'} answers, replayed · `),
    );
    const link = el('a', '', typeof source.label === 'string' ? source.label : 'SAC3 data set');
    if (/^https:\/\//.test(source.repository)) link.href = source.repository;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    disclaimer.append(
      link,
      document.createTextNode(
        ` (${source.licence || 'see PROVENANCE.md'}) · They can be wrong; that is the point.`,
      ),
    );
  }

  function newChat() {
    if (busy) return;
    conversation.replaceChildren();
    welcome.hidden = false;
    chips.hidden = true;
    showHint('');
    input.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    const question = findQuestion(text);
    if (!question) {
      showHint('This demo replays recorded answers only — pick one of the questions.');
      return;
    }
    input.value = '';
    autosize();
    ask(question);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function autosize() {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
    updateSend();
  }

  input.addEventListener('input', () => {
    autosize();
    if (hint.textContent) showHint('');
  });

  $('new-chat').addEventListener('click', newChat);

  scroller.addEventListener('scroll', () => {
    document.querySelector('.topbar').classList.toggle('scrolled', scroller.scrollTop > 4);
  });

  async function start() {
    try {
      const response = await fetch('data/recorded-answers.json', { cache: 'no-cache' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      questions = Array.isArray(data.questions) ? data.questions : [];
      recordedSource = data.source;
      const model = questions[0] && questions[0].model;
      renderSource(recordedSource, model);
      if (typeof model === 'string') $('model-name').textContent = model;
    } catch (error) {
      showHint(
        `Could not load the recorded answers (${error.message}). Open this page through the replay server: npx tsx demo/replay-server.ts`,
      );
      return;
    }
    renderPicker();
    updateSend();
    const wanted = params.get('q');
    if (wanted) {
      const question = questions.find((q) => q.id === wanted);
      if (question) ask(question);
      else showHint(`No recorded question "${wanted}".`);
    } else {
      input.focus();
    }
  }

  start();
})();
