-- amends, the apology linter, as a language server: the config for Neovim 0.11+.
--
--   vim.lsp.enable('amends')            -- with this directory on 'runtimepath'
--
-- Override anything with vim.lsp.config('amends', { ... }), e.g. the server's settings:
--   vim.lsp.config('amends', { settings = { amends = { rules = { hedging = 'info' } } } })
-- Older Neovim (0.7 - 0.10): require('amends').setup(), which reads this same table.
return {
  cmd = { 'amends', 'lsp' },
  filetypes = { 'markdown', 'text', 'mail' },
  root_markers = { 'amends.toml', '.git' },
  -- Sent as initializationOptions; the server also asks for the `amends` section of `settings`.
  -- `settings = { amends = { ... } }` takes the server's keys: language, apology, messages,
  -- rules (rule id -> "off" | "hint" | "info" | "warning" | "error"), codeLens, logLevel.
}
