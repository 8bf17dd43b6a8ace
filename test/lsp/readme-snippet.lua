-- Run after the README's Neovim snippet (given as the init file): opens the report, so that the
-- snippet's FileType autocommand starts grounded-lsp, and writes the diagnostics that arrive
-- to GROUNDED_RESULTS for test/lsp/readme.test.ts.
local results_path = assert(os.getenv('GROUNDED_RESULTS'), 'GROUNDED_RESULTS is not set')
local results = {}
local ok, err = pcall(function()
  vim.cmd('edit report.md')
  local bufnr = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo[bufnr].filetype
  local arrived = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  results.clients = #vim.lsp.buf_get_clients(bufnr)
  results.codes = {}
  if arrived then
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(results.codes, (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code)
    end
  end
end)
if not ok then results.error = tostring(err) end
local file = assert(io.open(results_path, 'w'))
file:write(vim.fn.json_encode(results))
file:close()
vim.cmd('qa!')
