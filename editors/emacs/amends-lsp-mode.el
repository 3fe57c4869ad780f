;;; amends-lsp-mode.el --- amends, the apology linter, through lsp-mode  -*- lexical-binding: t; -*-

;; Load this file after lsp-mode (or paste its forms into your init file): it registers the
;; `amends lsp' server for Markdown, plain text and mail buffers.  Run M-x lsp (or add
;; `lsp-deferred' to the mode hooks, as below).

;;; Code:

(require 'lsp-mode)

(defgroup amends nil "amends, the apology linter." :group 'lsp-mode)

(defcustom amends-lsp-command '("amends" "lsp")
  "The command that starts the amends language server."
  :type '(repeat string))

(defcustom amends-lsp-rules nil
  "Severity per rule id, e.g. ((\"hedging\" . \"info\") (\"cliche\" . \"off\"))."
  :type '(alist :key-type string :value-type string))

(dolist (mode '((markdown-mode . "markdown") (gfm-mode . "markdown")
                (message-mode . "mail") (mail-mode . "mail") (text-mode . "plaintext")))
  (add-to-list 'lsp-language-id-configuration mode))

(lsp-register-custom-settings '(("amends.rules" amends-lsp-rules)))

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection (lambda () amends-lsp-command))
  :activation-fn (lsp-activate-on "markdown" "mail" "plaintext")
  :add-on? t                ; next to other Markdown servers (marksman …)
  :server-id 'amends
  :initialized-fn (lambda (workspace)
                    (with-lsp-workspace workspace
                      (lsp--set-configuration (lsp-configuration-section "amends"))))))

(dolist (hook '(markdown-mode-hook gfm-mode-hook message-mode-hook mail-mode-hook text-mode-hook))
  (add-hook hook #'lsp-deferred))

(provide 'amends-lsp-mode)
;;; amends-lsp-mode.el ends here
