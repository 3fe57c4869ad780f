;;; amends-eglot.el --- amends, the apology linter, through eglot  -*- lexical-binding: t; -*-

;; Load this file (or paste its forms into your init file).  It tells eglot to run
;; `amends lsp' for Markdown, plain text and mail buffers, and starts eglot in them.
;; Works with the eglot in Emacs 29+ and with eglot 1.9+ from ELPA (Debian: elpa-eglot).

;;; Code:

(require 'eglot)

(defvar amends-eglot-command '("amends" "lsp")
  "The command that starts the amends language server.")

(defvar amends-eglot-modes
  '((markdown-mode :language-id "markdown")
    (gfm-mode :language-id "markdown")
    (message-mode :language-id "mail")
    (mail-mode :language-id "mail")
    (text-mode :language-id "plaintext"))
  "Major modes amends checks.  Derived modes come first: eglot takes the first match.")

;; A function, so that changing `amends-eglot-command' later still takes effect.
(add-to-list 'eglot-server-programs
             (cons amends-eglot-modes (lambda (&rest _) amends-eglot-command)))

(dolist (hook '(markdown-mode-hook gfm-mode-hook message-mode-hook mail-mode-hook text-mode-hook))
  (add-hook hook #'eglot-ensure))

;; Settings (the keys of amends.toml; an amends.toml in the project wins), e.g. in
;; .dir-locals.el: ((nil . ((eglot-workspace-configuration
;;                          . (:amends (:rules (:hedging "info" :cliche "off")))))))

(provide 'amends-eglot)
;;; amends-eglot.el ends here
