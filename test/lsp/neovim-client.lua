-- Drives Neovim's own LSP client (vim.lsp.start_client, Neovim 0.7) against grounded-lsp on
-- a fixture workspace: completion after "[@", a hover, a definition, the diagnostics of a
-- report with a wrong figure, and its quick fix applied to the buffer. Writes what it got to
-- GROUNDED_RESULTS as JSON for test/lsp/neovim.test.ts to check; the test decides, not this.
local workspace = assert(os.getenv('GROUNDED_WORKSPACE'), 'GROUNDED_WORKSPACE is not set')
local server = assert(os.getenv('GROUNDED_SERVER'), 'GROUNDED_SERVER is not set')
local results_path = assert(os.getenv('GROUNDED_RESULTS'), 'GROUNDED_RESULTS is not set')
local TIMEOUT = 30000
local results = { version = vim.version(), logs = {} }

local function write_results()
  local file = assert(io.open(results_path, 'w'))
  file:write(vim.fn.json_encode(results))
  file:close()
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/report.md'))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local index_complete = false
  local client_id = vim.lsp.start_client({
    name = 'grounded',
    cmd = { 'node', server, '--stdio' },
    root_dir = workspace,
    settings = { grounded = { checks = { citationScope = 'paragraph' } } },
    handlers = {
      ['grounded/indexStatus'] = function(_, status)
        if status.complete then index_complete = true end
      end,
      ['window/logMessage'] = function(_, message)
        table.insert(results.logs, message.message)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned no client')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach the client to the report')
  local client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(TIMEOUT, function() return index_complete end, 20), 'the server never said the index was complete')

  local function request(method, params)
    local response, err = client.request_sync(method, params, TIMEOUT, bufnr)
    assert(response, method .. ' got no response: ' .. tostring(err))
    assert(not response.err, method .. ' failed: ' .. vim.inspect(response.err))
    return response.result
  end
  -- 1-based line, 0-based column, as the cursor counts them; a cursor in normal mode cannot
  -- stand past a line's end, so the position is made as insert mode would send it.
  local function at(line, col)
    return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line - 1, character = col } }
  end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  -- Completion right after "[@" on line 3.
  local completion = request('textDocument/completion', at(3, #lines[3]))
  results.completion = {}
  for _, item in ipairs(completion.items or completion) do
    table.insert(results.completion, { label = item.label, sortText = item.sortText })
  end
  table.sort(results.completion, function(a, b) return a.sortText < b.sortText end)

  -- Hover and definition on the citation of line 1.
  local citation_col = lines[1]:find('@putin', 1, true)
  local hover = request('textDocument/hover', at(1, citation_col))
  results.hover = hover and hover.contents and (hover.contents.value or hover.contents) or vim.NIL
  local definition = request('textDocument/definition', at(1, citation_col))
  local target = definition[1] or definition
  results.definition = { uri = target.uri, line = target.range.start.line }

  -- The diagnostics Neovim holds for the report.
  local function grounded_diagnostics()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(out, { code = lsp.code or d.code, message = d.message, lnum = d.lnum, col = d.col, source = d.source })
    end
    return out
  end
  assert(vim.wait(TIMEOUT, function() return #grounded_diagnostics() > 0 end, 20), 'no diagnostics arrived')
  results.diagnostics = grounded_diagnostics()

  -- The quick fix of the figure, asked for as vim.lsp.buf.code_action asks (with the line's
  -- diagnostics turned back into LSP ones), and applied as Neovim applies a WorkspaceEdit.
  local figure
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, 0, {}, client_id)) do
    if d.code == 'figure-mismatch' then figure = d end
  end
  assert(figure, 'no figure-mismatch diagnostic on line 1')
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = figure.range,
    context = { diagnostics = { figure } },
  })
  results.actions = {}
  for _, action in ipairs(actions) do table.insert(results.actions, action.title) end
  assert(actions[1] and actions[1].edit, 'the first code action has no edit')
  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
  results.fixed_line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  -- The server checks the edited text again (Neovim sent it as an incremental change).
  local function rechecked()
    local codes = {}
    for _, d in ipairs(grounded_diagnostics()) do codes[d.code] = true end
    return codes['unknown-source'] and not codes['figure-mismatch']
  end
  results.figure_cleared = vim.wait(TIMEOUT, rechecked, 20)
  results.diagnostics_after_fix = grounded_diagnostics()
  client.stop()
end

local ok, err = pcall(run)
if not ok then results.error = tostring(err) end
write_results()
vim.cmd(ok and 'qa!' or 'cq!')
