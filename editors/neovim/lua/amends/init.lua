-- amends for Neovim: require('amends').setup(opts)
--
-- Neovim 0.11+: registers the config in lsp/amends.lua (merged with opts) and enables it.
-- Neovim 0.7 - 0.10: starts one `amends lsp` per project root with vim.lsp.start_client and
-- attaches it to markdown, text and mail buffers from a FileType autocmd.
--
-- opts: the fields of lsp/amends.lua (cmd, filetypes, root_markers) and of vim.lsp.start_client
-- (settings, on_attach, capabilities, ...). Example:
--   require('amends').setup({ settings = { amends = { rules = { cliche = 'off' } } } })
local M = {}

local function base_config()
  local files = vim.api.nvim_get_runtime_file('lsp/amends.lua', false)
  if #files > 0 then
    return dofile(files[1])
  end
  return { cmd = { 'amends', 'lsp' }, filetypes = { 'markdown', 'text', 'mail' },
           root_markers = { 'amends.toml', '.git' } }
end

-- The nearest folder above `path` holding one of `markers`, else the file's own folder.
local function find_root(path, markers)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs(markers or {}) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found == '' then
      found = vim.fn.finddir(marker, dir .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h'):gsub('/%.git/?$', ''):gsub('/$', '')
    end
  end
  return dir
end

local warned = false
local function server_missing(cmd)
  if vim.fn.executable(cmd[1]) == 1 then
    return false
  end
  if not warned then
    warned = true
    vim.notify(('amends: cannot start the language server: %q is not an executable on PATH. '
      .. 'Install it with `cargo install --path .` in a clone of amends '
      .. '(or set cmd = { "/path/to/amends", "lsp" } in require("amends").setup).'):format(cmd[1]),
      vim.log.levels.ERROR)
  end
  return true
end

function M.setup(opts)
  opts = opts or {}
  local config = vim.tbl_deep_extend('force', base_config(), opts)

  if vim.lsp.config and vim.lsp.enable then -- Neovim 0.11+
    if next(opts) ~= nil then
      vim.lsp.config('amends', opts)
    end
    vim.lsp.enable('amends')
    return
  end

  local clients = {} -- root folder -> client id
  local function attach(bufnr)
    local name = vim.api.nvim_buf_get_name(bufnr)
    if name == '' or vim.bo[bufnr].buftype ~= '' or server_missing(config.cmd) then
      return
    end
    local root = find_root(name, config.root_markers)
    local id = clients[root]
    local client = id and vim.lsp.get_client_by_id(id)
    if not client or client.is_stopped() then
      local start = vim.tbl_deep_extend('force', {
        name = 'amends',
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
        init_options = config.settings and config.settings.amends or nil,
        -- Offer UTF-8 positions through clangd's extension (Neovim < 0.10 knows no
        -- positionEncodings); the server answers with the one it picked.
        capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(),
          { offsetEncoding = { 'utf-8', 'utf-16' } }),
      }, config)
      start.filetypes, start.root_markers = nil, nil
      local user_on_init = config.on_init
      start.on_init = function(new_client, result)
        if result and result.offsetEncoding then
          new_client.offset_encoding = result.offsetEncoding
        end
        if user_on_init then
          user_on_init(new_client, result)
        end
      end
      id = vim.lsp.start_client(start)
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end

  local group = vim.api.nvim_create_augroup('amends', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args) attach(args.buf) end,
  })
  -- Buffers opened before setup().
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr)
    end
  end
end

return M
