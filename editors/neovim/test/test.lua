-- Headless test of amends in the real Neovim: run by test/run.sh.
-- Written against the APIs of Neovim 0.7 (Debian 12), which later versions still have.
local work = assert(os.getenv('AMENDS_TEST_DIR'), 'AMENDS_TEST_DIR')
local bin = assert(os.getenv('AMENDS_BIN'), 'AMENDS_BIN')
local failures = 0

local function log(...)
  io.stdout:write(table.concat(vim.tbl_map(tostring, { ... }), ' ') .. '\n')
end
local function check(ok, what, detail)
  if ok then
    log('  ok   ' .. what)
  else
    failures = failures + 1
    log('  FAIL ' .. what .. (detail and ('\n       ' .. vim.inspect(detail):gsub('\n', '\n       ')) or ''))
  end
  return ok
end
local function finish()
  log(failures == 0 and 'neovim: all checks passed' or ('neovim: ' .. failures .. ' check(s) failed'))
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end
-- Any error (a timeout, a nil) fails the test rather than hanging it.
local function guarded(fn)
  local ok, err = xpcall(fn, debug.traceback)
  if not ok then
    failures = failures + 1
    log('  FAIL ' .. tostring(err))
  end
  finish()
end

local function amends_diagnostics(bufnr)
  return vim.tbl_filter(function(d) return d.source == 'amends' end, vim.diagnostic.get(bufnr))
end
local function by_code(diagnostics, code)
  for _, d in ipairs(diagnostics) do
    local c = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if c == code then return d end
  end
end
local function wait_for(what, ms, cond)
  local ok = vim.wait(ms, cond, 50)
  if not ok then error('timed out after ' .. ms .. ' ms waiting for ' .. what) end
end

guarded(function()
  log('neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  require('amends').setup({ cmd = { bin, 'lsp' } })

  -- 1. Diagnostics with the right positions. 'Zoë' puts a two-byte character before the
  --    findings on line 3, so a wrong position encoding shifts every column.
  vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/reply.md'))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo.filetype == 'markdown', 'reply.md has filetype markdown', vim.bo.filetype)
  wait_for('amends diagnostics', 15000, function() return #amends_diagnostics(buf) >= 5 end)
  local client = vim.lsp.get_active_clients()[1]
  check(client and client.name == 'amends', 'the amends client is attached')
  check(client and client.offset_encoding == 'utf-8', 'utf-8 positions negotiated', client and client.offset_encoding)
  local diags = amends_diagnostics(buf)
  local line3 = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  local expected = {
    -- code, 0-based line, byte column where the marked text starts, the marked text, message start
    { 'conditional-apology', 2, 'We are sorry if the delay upset you', "'if' makes the apology conditional" },
    { 'cliche', 2, 'apologize for any inconvenience', 'canned phrase' },
    { 'minimizing', 2, 'this slight delay', 'minimizes the harm' },
    { 'hedging', 2, 'may have', "hedged apology: 'may have'" },
  }
  for _, e in ipairs(expected) do
    local code, lnum, text, message = e[1], e[2], e[3], e[4]
    local d = by_code(diags, code)
    local col = line3:find(text, 1, true) - 1
    if check(d ~= nil, code .. ' is reported', vim.tbl_map(function(x) return x.code end, diags)) then
      check(d.lnum == lnum and d.col == col and d.end_lnum == lnum and d.end_col == col + #text,
        ('%s covers %q (line %d, bytes %d-%d)'):format(code, text, lnum + 1, col, col + #text),
        { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col })
      check(d.message:sub(1, #message) == message, code .. ' message: ' .. message, d.message)
      check(d.severity == vim.diagnostic.severity.WARN, code .. ' is a warning', d.severity)
    end
  end
  check(by_code(diags, 'missing-remedy') ~= nil, 'missing-remedy is reported')

  -- 2. Hover through vim.lsp.buf.hover: the float shows the rule's explanation.
  local slight = line3:find('slight', 1, true) - 1
  vim.api.nvim_win_set_cursor(0, { 3, slight + 2 })
  local before = vim.api.nvim_list_wins()
  vim.lsp.buf.hover()
  local float
  wait_for('the hover window', 10000, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if not vim.tbl_contains(before, win) and vim.api.nvim_win_get_config(win).relative ~= '' then
        float = win
        return true
      end
    end
  end)
  local hover = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n')
  check(hover:find('minimizing', 1, true) and hover:find('· amends', 1, true), 'hover names the rule', hover)
  check(hover:find('Why this weakens the apology:', 1, true) ~= nil, 'hover explains why', hover)
  check(hover:find('Minimizes the harm: let the reader decide how big it was', 1, true) ~= nil,
    'hover carries the message', hover)
  vim.api.nvim_win_close(float, true)

  -- 3. A quick fix through vim.lsp.buf.code_action: the menu offers "Remove 'slight'" and the
  --    user picks it (vim.ui.select is the documented extension point for that menu).
  local offered
  vim.ui.select = function(items, opts, on_choice)
    offered = vim.tbl_map(function(item) return opts.format_item(item) end, items)
    for _, item in ipairs(items) do
      if item[2].title == "Remove 'slight'" then return on_choice(item) end
    end
    on_choice(nil)
  end
  vim.api.nvim_win_set_cursor(0, { 3, slight + 2 })
  vim.lsp.buf.code_action()
  wait_for('the quick fix to apply', 10000, function()
    return not vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]:find('slight', 1, true)
  end)
  check(offered and vim.tbl_contains(offered, "Remove 'slight'") and vim.tbl_contains(offered, 'Disable minimizing for this line'),
    'the code-action menu offers the fix and the suppression', offered)
  check(offered and offered[1] == "Remove 'slight'", 'the quick fix comes first', offered)
  vim.cmd('silent write')
  local saved = table.concat(vim.fn.readfile(work .. '/reply.md'), '\n')
  check(saved:find('We apologize for any inconvenience this delay may have caused.', 1, true) ~= nil,
    "the saved file has 'slight' removed, nothing else changed", saved)
  -- The server lints the fixed text: the minimizing finding goes away.
  wait_for('minimizing to disappear', 10000, function() return by_code(amends_diagnostics(buf), 'minimizing') == nil end)
  check(by_code(amends_diagnostics(buf), 'cliche') ~= nil, 'the other findings stay')

  -- 4. Plain text gets amends too (filetype text), through the same client (same root).
  vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/reply.txt'))
  local txt = vim.api.nvim_get_current_buf()
  check(vim.bo.filetype == 'text', 'reply.txt has filetype text', vim.bo.filetype)
  wait_for('diagnostics on reply.txt', 15000, function() return by_code(amends_diagnostics(txt), 'cliche') ~= nil end)
  check(#vim.lsp.get_active_clients() == 1, 'one server for the project')
  check(true, 'reply.txt gets the cliche finding')
end)
