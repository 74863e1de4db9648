// The questionnaire page: plain JavaScript, no dependencies. The token is the last part of the
// page's path; answers are kept in localStorage as they are given, so a closed tab resumes; the
// submit is retried with the same submission id until the server acknowledges it.
(function () {
  'use strict';

  var TEXT = {
    nl: {
      loading: 'Vragenlijst laden…',
      brand: 'Wetenschappelijke opvolging',
      school: 'School',
      intro1: 'Deze vragenlijst is anoniem: we vragen geen naam of e-mailadres en bewaren je IP-adres niet.',
      intro2: 'Je antwoorden worden op dit toestel bewaard tot je ze verstuurt, dus je kan later verder gaan.',
      progress: function (n, t) { return n + ' van ' + t + ' vragen beantwoord'; },
      roleLegend: 'Wat is je functie in deze school?',
      roleMissing: 'Kies je functie.',
      linkageTitle: 'Persoonlijke code (niet verplicht)',
      linkageHint: 'Met deze drie antwoorden kunnen we je antwoorden van verschillende meetmomenten koppelen, zonder te weten wie je bent. We bewaren alleen een versleutelde code. Vul alle drie in, of laat ze leeg.',
      submit: 'Antwoorden versturen',
      sending: 'Bezig met versturen…',
      retrying: function (s) { return 'Verzenden lukt nu niet (geen verbinding?). We proberen opnieuw over ' + s + ' s. Je antwoorden blijven bewaard.'; },
      unanswered: function (n) { return n === 1 ? 'Eén vraag is nog niet beantwoord; je kan toch versturen.' : n + ' vragen zijn nog niet beantwoord; je kan toch versturen.'; },
      problems: 'Er is iets niet in orde',
      problemsIntro: 'Er werd nog niets bewaard. Pas dit aan en verstuur opnieuw:',
      doneTitle: 'Bedankt! Je antwoorden zijn goed ontvangen.',
      doneText: 'Je mag dit venster nu sluiten.',
      receipt: 'Ontvangstbewijs:',
      another: 'Iemand anders vult in op dit toestel',
      closed: 'Deze vragenlijst is nu niet open.',
      unknown: 'Deze link is niet (meer) geldig. Vraag de contactpersoon van je school om de juiste link.',
      failed: 'Er ging iets mis. Probeer het later opnieuw.',
      questions: 'Vragen',
      linkageInvalid: function (hint) { return 'Dit antwoord past niet (' + hint + ').'; },
      linkageMissing: 'Vul ook deze vraag in, of laat de drie vragen van de code leeg.',
      statusTitle: 'Respons',
      statusIntro: 'Deze pagina is voor de contactpersoon van de school. Geef deze link niet door: je collega\'s krijgen de link naar de vragenlijst.',
      statusCount: function (n, staff, rate) { return staff ? n + ' van de ' + staff + ' personeelsleden hebben geantwoord (' + Math.round(rate * 100) + ' %).' : n + ' antwoorden ontvangen.'; },
      statusSuppressed: function (threshold) { return 'Het aantal antwoorden wordt nu niet getoond, om de anonimiteit te beschermen (zolang er minder dan ' + threshold + ' zijn, of wanneer het een andere school zou verraden).'; },
      statusOpen: function (date) { return 'De vragenlijst is open tot ' + date + '.'; },
      statusClosed: 'De vragenlijst is nu niet open.',
      statusUnknown: 'Deze statuslink is niet (meer) geldig.',
      codeTitle: 'Toegangscode',
      codeHint: 'Typ de code van het strookje dat je van je school kreeg, bijvoorbeeld K3QX7-M2APZ. De code werkt één keer en wordt niet bij je antwoorden bewaard.',
      codeMissing: 'Vul je toegangscode in.',
      codeUnknown: 'Deze toegangscode klopt niet. Kijk ze na: letters en cijfers zoals op je strookje.',
      codeUsed: 'Deze toegangscode werd al gebruikt. Vraag de contactpersoon van je school om een nieuwe code.',
    },
    en: {
      loading: 'Loading the questionnaire…',
      brand: 'Scientific follow-up',
      school: 'School',
      intro1: 'This questionnaire is anonymous: we ask for no name or e-mail address and do not keep your IP address.',
      intro2: 'Your answers are kept on this device until you send them, so you can continue later.',
      progress: function (n, t) { return n + ' of ' + t + ' questions answered'; },
      roleLegend: 'What is your role in this school?',
      roleMissing: 'Choose your role.',
      linkageTitle: 'Personal code (optional)',
      linkageHint: 'These three answers let us link your answers across measurement moments without knowing who you are. We only keep an encrypted code. Fill in all three, or leave them empty.',
      submit: 'Send answers',
      sending: 'Sending…',
      retrying: function (s) { return 'Sending does not work right now (no connection?). We will try again in ' + s + ' s. Your answers are kept.'; },
      unanswered: function (n) { return n === 1 ? 'One question is not answered yet; you can send anyway.' : n + ' questions are not answered yet; you can send anyway.'; },
      problems: 'Something is not right',
      problemsIntro: 'Nothing was stored yet. Correct this and send again:',
      doneTitle: 'Thank you! Your answers have been received.',
      doneText: 'You can close this window now.',
      receipt: 'Receipt:',
      another: 'Someone else fills in on this device',
      closed: 'This questionnaire is not open now.',
      unknown: 'This link is not (or no longer) valid. Ask your school\'s contact person for the right link.',
      failed: 'Something went wrong. Please try again later.',
      questions: 'Questions',
      linkageInvalid: function (hint) { return 'This answer does not fit (' + hint + ').'; },
      linkageMissing: 'Answer this question too, or leave all three code questions empty.',
      statusTitle: 'Responses',
      statusIntro: 'This page is for the school\'s contact person. Do not pass this link on: your colleagues get the link to the questionnaire.',
      statusCount: function (n, staff, rate) { return staff ? n + ' of ' + staff + ' staff members have answered (' + Math.round(rate * 100) + ' %).' : n + ' responses received.'; },
      statusSuppressed: function (threshold) { return 'The number of responses is not shown now, to protect anonymity (while there are fewer than ' + threshold + ', or when it would give away another school).'; },
      statusOpen: function (date) { return 'The questionnaire is open until ' + date + '.'; },
      statusClosed: 'The questionnaire is not open now.',
      statusUnknown: 'This status link is not (or no longer) valid.',
      codeTitle: 'Access code',
      codeHint: 'Type the code from the slip your school gave you, for example K3QX7-M2APZ. The code works once and is not kept with your answers.',
      codeMissing: 'Enter your access code.',
      codeUnknown: 'This access code is not right. Check it: letters and digits as on your slip.',
      codeUsed: 'This access code has already been used. Ask your school\'s contact person for a new code.',
    },
  };

  var token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  // /status/{token} is the school contact's status page; /s/{token} the questionnaire.
  var isStatus = location.pathname.indexOf('/status/') === 0;
  var storeKey = 'monitoring:' + token;
  var main = document.getElementById('main');
  var state = load();
  var lang = new URLSearchParams(location.search).get('lang') || state.lang || 'nl';
  if (!TEXT[lang]) lang = 'nl';
  var questionnaire = null;
  var sending = false;

  function t(key) { return TEXT[lang][key]; }

  function fresh() {
    return { id: newId(), started: new Date().toISOString(), submitted: null, role: null, answers: {}, linkage: {}, lang: null, receipt: null };
  }

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
      if (saved && saved.id) return saved;
    } catch (e) { /* storage unavailable or corrupt: start afresh */ }
    return fresh();
  }

  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode: answers live in the page only */ }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  function setLanguageButtons() {
    document.documentElement.lang = lang;
    document.querySelectorAll('.lang button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.lang === lang)); });
    document.getElementById('brand').textContent = t('brand');
    document.querySelector('.skip').textContent = t('questions');
  }

  function fetchQuestionnaire() {
    setLanguageButtons();
    main.replaceChildren(el('p', { text: t('loading') }));
    fetch('/api/questionnaires/' + encodeURIComponent(token) + '?lang=' + lang, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); })
      .then(function (r) {
        if (r.status === 200) { questionnaire = r.body; render(); }
        else showMessage(r.status === 403 ? t('closed') + ' ' + (r.body.detail || '') : r.status === 404 ? t('unknown') : t('failed'));
      })
      .catch(function () { showMessage(t('failed')); });
  }

  function fetchStatus() {
    setLanguageButtons();
    main.replaceChildren(el('p', { text: t('loading') }));
    fetch('/api/status/' + encodeURIComponent(token) + '?lang=' + lang, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); })
      .then(function (r) {
        if (r.status === 200) renderStatus(r.body);
        else showMessage(r.status === 404 ? t('statusUnknown') : t('failed'));
      })
      .catch(function () { showMessage(t('failed')); });
  }

  function renderStatus(s) {
    document.title = t('statusTitle') + ' – ' + s.school.name;
    var closes = new Date(s.wave.closes).toLocaleDateString(lang === 'nl' ? 'nl-BE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    main.replaceChildren(
      el('h1', { text: t('statusTitle') + ': ' + s.wave.name }),
      el('p', { class: 'school', text: s.school.name }),
      el('section', { class: 'card', 'aria-labelledby': 'status-count' }, [
        el('p', { id: 'status-count', class: 'status-count', text: s.suppressed ? t('statusSuppressed')(s.privacyThreshold) : t('statusCount')(s.responses, s.staff, s.rate) }),
        el('p', { id: 'status-window', text: s.isOpen ? t('statusOpen')(closes) : t('statusClosed') }),
      ]),
      el('p', { class: 'hint', text: t('statusIntro') }));
  }

  function showMessage(text) {
    main.replaceChildren(el('div', { class: 'card', role: 'alert' }, [el('p', { class: 'notice warn', text: text })]));
  }

  function allItems() {
    var items = [];
    questionnaire.instruments.forEach(function (i) { i.items.forEach(function (item) { items.push(item); }); });
    return items;
  }

  function render() {
    if (state.receipt) { renderDone(); return; }
    var q = questionnaire;
    document.title = q.wave.name + ' – ' + q.school.name;
    var form = el('form', { novalidate: true, id: 'questionnaire' });
    form.appendChild(el('div', { id: 'summary' }));
    if (q.access === 'closed') form.appendChild(renderCode());
    form.appendChild(renderRoles(q.roles));
    var number = 0;
    q.instruments.forEach(function (instrument) {
      var section = el('section', { class: 'card', 'aria-labelledby': 'h-' + instrument.id }, [el('h2', { id: 'h-' + instrument.id, text: instrument.name })]);
      blocks(instrument.items).forEach(function (block) {
        var div = el('div', { class: 'block' });
        div.style.setProperty('--n', String(block[0].labels.length));
        div.appendChild(el('div', { class: 'scale-head', 'aria-hidden': 'true' },
          [el('span')].concat(block[0].labels.map(function (l) { return el('span', { text: l.text }); }))));
        block.forEach(function (item) { number += 1; div.appendChild(renderItem(item, number)); });
        section.appendChild(div);
      });
      form.appendChild(section);
    });
    form.appendChild(renderLinkage(q.linkage));
    var button = el('button', { type: 'submit', class: 'primary', id: 'submit', text: t('submit') });
    form.appendChild(el('div', { class: 'actions' }, [button, el('p', { class: 'notice', id: 'notice', role: 'status', 'aria-live': 'polite' })]));
    form.addEventListener('change', onChange);
    form.addEventListener('input', onChange);
    form.addEventListener('submit', onSubmit);

    main.replaceChildren(
      el('h1', { text: q.wave.name }),
      el('p', { class: 'school', text: q.school.name }),
      el('div', { class: 'intro' }, [el('p', { text: t('intro1') }), el('p', { text: t('intro2') })]),
      el('div', { class: 'progress' }, [
        el('progress', { id: 'progress', max: String(allItems().length), value: '0', 'aria-labelledby': 'progress-label' }),
        el('span', { id: 'progress-label' }),
      ]),
      form);
    updateProgress();
    if (state.submitted && !state.receipt) submit();
  }

  // Consecutive items with the same response format form one grid block on wide screens.
  function blocks(items) {
    var result = [];
    items.forEach(function (item) {
      var last = result[result.length - 1];
      if (last && last[0].format === item.format) last.push(item); else result.push([item]);
    });
    return result;
  }

  function renderRoles(roles) {
    var options = el('div', { class: 'options' }, roles.map(function (r) {
      return el('label', {}, [el('input', { type: 'radio', name: 'role', value: r.id, checked: state.role === r.id, required: true }), el('span', { text: r.name })]);
    }));
    return el('section', { class: 'card roles' }, [
      el('fieldset', { id: 'field-role' }, [el('legend', { text: t('roleLegend') }), options, el('p', { class: 'error', id: 'err-role', hidden: true })]),
    ]);
  }

  function renderItem(item, number) {
    var id = 'item-' + item.id;
    var options = el('div', { class: 'options' }, item.labels.map(function (l) {
      return el('label', {}, [
        el('input', { type: 'radio', name: 'a:' + item.id, value: String(l.value), checked: state.answers[item.id] === l.value }),
        el('span', { class: 'opt', text: l.text }),
      ]);
    }));
    return el('fieldset', { class: 'item', id: id, 'aria-describedby': 'err-' + item.id }, [
      el('legend', {}, [el('span', { class: 'num', text: number + '.' }), ' ' + item.text]),
      options,
      el('p', { class: 'error', id: 'err-' + item.id, hidden: true }),
    ]);
  }

  // Closed access: the single-use code from the respondent's slip.
  function renderCode() {
    var input = el('input', {
      id: 'code', name: 'code', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
      maxlength: '16', required: true, 'aria-describedby': 'hint-code err-code', value: state.code || '',
    });
    return el('section', { class: 'card' }, [
      el('div', { class: 'field', id: 'field-code' }, [
        el('label', { for: 'code', text: t('codeTitle') }),
        el('p', { class: 'hint', id: 'hint-code', text: t('codeHint') }),
        input,
        el('p', { class: 'error', id: 'err-code', hidden: true }),
      ]),
    ]);
  }

  function renderLinkage(questions) {
    var fields = questions.map(function (question) {
      var input = el('input', {
        id: 'link-' + question.id, name: 'l:' + question.id, type: 'text', autocomplete: 'off', spellcheck: 'false',
        inputmode: question.kind === 'number' ? 'numeric' : 'text',
        maxlength: question.kind === 'number' ? '2' : String(question.length),
        'aria-describedby': 'hint-' + question.id + ' err-' + question.id,
        value: state.linkage[question.id] || '',
      });
      return el('div', { class: 'field' }, [
        el('label', { for: 'link-' + question.id, text: question.text }),
        el('p', { class: 'hint', id: 'hint-' + question.id, text: question.hint }),
        input,
        el('p', { class: 'error', id: 'err-' + question.id, hidden: true }),
      ]);
    });
    return el('section', { class: 'card' }, [
      el('fieldset', { id: 'field-linkage' }, [el('legend', { text: t('linkageTitle') }), el('p', { class: 'hint', text: t('linkageHint') })].concat(fields)),
    ]);
  }

  function onChange(event) {
    var target = event.target;
    if (!target.name) return;
    if (target.name === 'role') state.role = target.value;
    else if (target.name === 'code') state.code = target.value;
    else if (target.name.indexOf('l:') === 0) state.linkage[target.name.slice(2)] = target.value;
    else if (target.name.indexOf('a:') === 0) {
      state.answers[target.name.slice(2)] = Number(target.value);
      updateProgress();
    }
    save();
  }

  function answeredCount() {
    return allItems().filter(function (i) { return state.answers[i.id] !== undefined; }).length;
  }

  function updateProgress() {
    var total = allItems().length;
    var n = answeredCount();
    var text = t('progress')(n, total);
    var label = document.getElementById('progress-label');
    if (label.textContent === text) return;
    document.getElementById('progress').value = n;
    label.textContent = text;
  }

  function clearErrors() {
    document.querySelectorAll('.error').forEach(function (p) { p.hidden = true; p.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    document.getElementById('summary').replaceChildren();
  }

  function showErrors(errors) {
    clearErrors();
    var list = el('ul');
    errors.forEach(function (error) {
      error = localise(error);
      var key = error.item || (error.field.indexOf('linkage.') === 0 ? error.field.slice(8) : error.field);
      var target = document.getElementById(error.item ? 'item-' + error.item : error.field === 'role' ? 'field-role' : error.field === 'code' ? 'code' : 'link-' + key) || document.getElementById('field-linkage');
      var p = document.getElementById('err-' + key);
      if (p) { p.textContent = error.message; p.hidden = false; }
      if (target) target.setAttribute('aria-invalid', 'true');
      list.appendChild(el('li', {}, [target ? el('a', { href: '#' + target.id, text: error.message }) : el('span', { text: error.message })]));
    });
    var summary = el('div', { class: 'summary', role: 'alert', tabindex: '-1' }, [el('h2', { text: t('problems') }), el('p', { text: t('problemsIntro') }), list]);
    document.getElementById('summary').replaceChildren(summary);
    summary.focus();
  }

  // The server explains problems in English; the ones a respondent can cause are said in the page's language.
  function localise(error) {
    if (error.field === 'code') {
      var text = error.code === 'code-already-used' ? t('codeUsed') : error.code === 'unknown-code' ? t('codeUnknown') : t('codeMissing');
      return { field: 'code', code: error.code, message: text };
    }
    if (error.field && error.field.indexOf('linkage.') === 0) {
      var question = questionnaire.linkage.filter(function (q) { return 'linkage.' + q.id === error.field; })[0];
      if (question && error.code === 'invalid-linkage') return { field: error.field, code: error.code, message: question.text + ': ' + t('linkageInvalid')(question.hint) };
      if (question && error.code === 'missing-field') return { field: error.field, code: error.code, message: question.text + ': ' + t('linkageMissing') };
    }
    return error;
  }

  function onSubmit(event) {
    event.preventDefault();
    if (sending) return;
    var problems = [];
    if (questionnaire.access === 'closed' && !(state.code || '').trim()) problems.push({ field: 'code', code: 'code-required' });
    if (!state.role) problems.push({ field: 'role', message: t('roleMissing') });
    if (problems.length > 0) {
      showErrors(problems);
      return;
    }
    var missing = allItems().length - answeredCount();
    if (missing > 0 && !state.confirmedMissing) {
      state.confirmedMissing = true;
      document.getElementById('notice').textContent = t('unanswered')(missing);
      return;
    }
    if (!state.submitted) { state.submitted = new Date().toISOString(); save(); }
    submit();
  }

  function body() {
    var linkage = null;
    var given = questionnaire.linkage.filter(function (q) { return (state.linkage[q.id] || '').trim() !== ''; });
    if (given.length > 0) {
      linkage = {};
      questionnaire.linkage.forEach(function (q) { linkage[q.id] = (state.linkage[q.id] || '').trim(); });
    }
    var sent = {
      token: token, submissionId: state.id, role: state.role, language: lang, linkage: linkage,
      started: state.started, submitted: state.submitted, answers: state.answers,
    };
    if (questionnaire.access === 'closed') sent.code = (state.code || '').trim();
    return sent;
  }

  function submit(attempt) {
    attempt = attempt || 0;
    sending = true;
    var button = document.getElementById('submit');
    var notice = document.getElementById('notice');
    button.disabled = true;
    notice.className = 'notice';
    notice.textContent = t('sending');
    fetch('/api/responses', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body()) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b }; }); })
      .then(function (r) {
        if (r.status === 200 || r.status === 201) {
          sending = false;
          state = { id: state.id, receipt: r.body.receipt, lang: lang };
          save();
          renderDone();
        } else if (r.status === 429 || r.status >= 500) {
          retry(attempt);
        } else {
          sending = false;
          button.disabled = false;
          notice.textContent = '';
          var codeProblem = r.body && r.body.errors && r.body.errors.some(function (e) { return e.field === 'code'; });
          if ((r.status === 400 || codeProblem) && r.body.errors) {
            // A refused code: let the respondent send again once it is corrected.
            if (codeProblem) { state.submitted = null; save(); }
            showErrors(r.body.errors);
          }
          else { notice.className = 'notice warn'; notice.textContent = (r.body && r.body.detail) || t('failed'); }
        }
      })
      .catch(function () { retry(attempt); });
  }

  function retry(attempt) {
    var seconds = Math.min(30, Math.pow(2, attempt));
    var notice = document.getElementById('notice');
    notice.className = 'notice warn';
    notice.textContent = t('retrying')(seconds);
    setTimeout(function () { submit(attempt + 1); }, seconds * 1000);
  }

  function renderDone() {
    var again = el('button', { type: 'button', class: 'secondary', text: t('another') });
    again.addEventListener('click', function () { state = fresh(); save(); render(); });
    var done = el('section', { class: 'card done', tabindex: '-1', 'aria-labelledby': 'done-title' }, [
      el('h2', { id: 'done-title', text: t('doneTitle') }),
      el('p', {}, [t('receipt') + ' ', el('strong', { class: 'receipt', text: state.receipt })]),
      el('p', { text: t('doneText') }),
      again,
    ]);
    main.replaceChildren(el('h1', { text: questionnaire ? questionnaire.wave.name : '' }), el('p', { class: 'school', text: questionnaire ? questionnaire.school.name : '' }), done);
    done.focus();
  }

  document.querySelectorAll('.lang button').forEach(function (b) {
    b.addEventListener('click', function () {
      if (b.dataset.lang === lang) return;
      lang = b.dataset.lang;
      state.lang = lang;
      save();
      if (isStatus) { fetchStatus(); return; }
      if (state.receipt && questionnaire) { setLanguageButtons(); }
      fetchQuestionnaire();
    });
  });

  if (isStatus) fetchStatus(); else fetchQuestionnaire();
})();
