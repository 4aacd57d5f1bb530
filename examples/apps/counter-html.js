// The counter view: a whole HTML document that speaks the Apps protocol by
// hand (JSON-RPC 2.0 over postMessage to its parent), so it needs no SDK and
// no network. It also reports what it can reach of the page that shows it:
// a host that isolates it shows "blocked" four times.
export const COUNTER_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Counter</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; padding: 12px; color: #1d2433; background: #f6f8fb; }
  .count { font-size: 32px; font-weight: 600; margin: 4px 0 8px; }
  button { font: inherit; padding: 4px 12px; margin-right: 6px; }
  ul { margin: 8px 0 0; padding-left: 18px; color: #5a6375; }
  [role=alert] { color: #b42318; }
</style>
</head>
<body>
<div>Counter</div>
<output class="count" id="count" aria-label="Count">…</output>
<div>
  <button type="button" id="plus">+1</button>
  <button type="button" id="reset">Reset (model only)</button>
</div>
<p id="input" aria-label="Tool input"></p>
<p id="error" role="alert"></p>
<ul id="probes" aria-label="Isolation"></ul>
<script>
  var nextId = 1;
  var pending = {};
  function send(message) { window.parent.postMessage(Object.assign({ jsonrpc: '2.0' }, message), '*'); }
  function request(method, params) {
    var id = nextId++;
    send({ id: id, method: method, params: params });
    return new Promise(function (resolve, reject) { pending[id] = { resolve: resolve, reject: reject }; });
  }
  function notify(method, params) { send({ method: method, params: params }); }

  var countEl = document.getElementById('count');
  var errorEl = document.getElementById('error');
  function showResult(result) {
    var count = result && result.structuredContent && result.structuredContent.count;
    if (typeof count === 'number') countEl.textContent = String(count);
  }

  var onRequest = {
    'ui/resource-teardown': function () { return {}; },
    ping: function () { return {}; },
  };
  var onNotification = {
    'ui/notifications/tool-input': function (params) { document.getElementById('input').textContent = 'Called with ' + JSON.stringify(params.arguments); },
    'ui/notifications/tool-result': showResult,
  };

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    var m = event.data;
    if (!m || m.jsonrpc !== '2.0') return;
    if (m.method !== undefined && m.id !== undefined) {
      var handle = onRequest[m.method];
      if (handle) send({ id: m.id, result: handle(m.params) });
      else send({ id: m.id, error: { code: -32601, message: 'Method not found: ' + m.method } });
    } else if (m.method !== undefined) {
      var listener = onNotification[m.method];
      if (listener) listener(m.params);
    } else if (pending[m.id]) {
      var waiter = pending[m.id];
      delete pending[m.id];
      if (m.error) waiter.reject(new Error(m.error.message));
      else waiter.resolve(m.result);
    }
  });

  function callTool(name, args) {
    errorEl.textContent = '';
    return request('tools/call', { name: name, arguments: args }).then(showResult, function (e) { errorEl.textContent = name + ' refused: ' + e.message; });
  }
  document.getElementById('plus').addEventListener('click', function () { callTool('increment', { by: 1 }); });
  document.getElementById('reset').addEventListener('click', function () { callTool('reset-counter', {}); });

  function probe(label, reach) {
    var item = document.createElement('li');
    try {
      reach();
      item.textContent = label + ': reachable';
    } catch (e) {
      item.textContent = label + ': blocked (' + e.name + ')';
    }
    document.getElementById('probes').append(item);
  }
  probe('cookie', function () { return document.cookie; });
  probe('localStorage', function () { return window.localStorage.length; });
  probe('parent document', function () { return window.parent.document.title; });
  probe('page document', function () { return window.top.document.title; });

  function reportSize() {
    var box = document.documentElement.getBoundingClientRect();
    notify('ui/notifications/size-changed', { width: Math.ceil(box.width), height: Math.ceil(box.height) });
  }
  // A browser may not run resize observers in a frame scrolled out of view: the size is also reported once at the start.
  new ResizeObserver(reportSize).observe(document.documentElement);

  request('ui/initialize', { appInfo: { name: 'counter', version: '1.0.0' }, appCapabilities: {}, protocolVersion: '2026-01-26' }).then(function () {
    notify('ui/notifications/initialized', {});
    reportSize();
  });
</script>
</body>
</html>
`;
