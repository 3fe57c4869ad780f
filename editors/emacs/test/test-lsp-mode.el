;;; test-lsp-mode.el --- amends in the real Emacs, batch mode: lsp-mode, flymake, a quick fix  -*- lexical-binding: t; -*-
;; Run by run.sh: emacs --batch -Q -l test-lsp-mode.el.  Environment: AMENDS_BIN, AMENDS_TEST_DIR.

(load (expand-file-name "test-helpers.el" (file-name-directory load-file-name)) nil t)

(defun amends-test-command-done ()
  "What the command loop, redisplay and a moment of idleness do after a command (batch mode
has none of them): `post-command-hook', `window-configuration-change-hook', idle timers."
  (run-hooks 'post-command-hook)
  (run-window-configuration-change-hook)
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(let* ((dir (getenv "AMENDS_TEST_DIR"))
       (bin (getenv "AMENDS_BIN"))
       (here (file-name-directory (or load-file-name buffer-file-name))))
  (amends-test-use-packages here)
  (setq lsp-session-file (expand-file-name "lsp-session" dir)
        lsp-auto-guess-root t
        lsp-diagnostics-provider :flymake
        lsp-headerline-breadcrumb-enable nil
        lsp-enable-file-watchers nil
        lsp-modeline-code-actions-enable nil
        lsp-modeline-diagnostics-enable nil
        lsp-restart 'ignore
        flymake-no-changes-timeout 0.1)
  (require 'markdown-mode)
  (require 'lsp-mode)
  (princ (format "emacs %s, lsp-mode from %s\n" emacs-version (locate-library "lsp-mode")))
  (require 'amends-lsp-mode)
  (setq amends-lsp-command (list bin "lsp"))
  (condition-case err
      (progn
        (find-file (expand-file-name "reply.md" dir))
        (amends-test-command-done)
        (amends-test-wait "lsp-mode to start amends" 20
                          (lambda () (cl-some (lambda (w) (eq (lsp--workspace-status w) 'initialized)) (lsp-workspaces))))
        (amends-test-check (equal (mapcar #'lsp--workspace-server-id (lsp-workspaces)) '(amends))
                           "lsp-mode runs the amends server" (mapcar #'lsp--workspace-server-id (lsp-workspaces)))
        (amends-test-command-done)
        (let* ((diags (amends-test-wait "flymake diagnostics" 20
                                        (lambda () (let ((d (flymake-diagnostics))) (and (>= (length d) 5) d)))))
               (find-diag (lambda (text) (cl-find-if (lambda (d) (string-match-p (regexp-quote text) (flymake-diagnostic-text d))) diags))))
          (dolist (expected '(("canned phrase: say the specific thing instead" "apologize for any inconvenience")
                              ("minimizes the harm: let the reader decide how big it was" "this slight delay")
                              ("hedged apology: 'may have' weakens the admission" "may have")))
            (let ((d (funcall find-diag (car expected))))
              (when (amends-test-check d (format "flymake shows %S" (car expected)) (mapcar #'flymake-diagnostic-text diags))
                (amends-test-check (equal (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                                          (nth 1 expected))
                                   (format "  ... on %S" (nth 1 expected))
                                   (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))))))
        (goto-char (point-min))
        (search-forward "slight")
        (backward-char 2)
        (let ((hover (lsp-request "textDocument/hover" (lsp--text-document-position-params))))
          (amends-test-check (string-match-p "Why this weakens the apology:" (format "%S" hover)) "hover explains the rule"))
        ;; The quick fix as M-x lsp-execute-code-action offers it: the user picks "Remove 'slight'".
        (let (offered)
          (cl-letf (((symbol-function 'completing-read)
                     (lambda (_prompt collection &rest _)
                       (setq offered (mapcar (lambda (c) (if (consp c) (car c) c)) collection))
                       (cl-find-if (lambda (c) (string-match-p "Remove 'slight'" c)) offered))))
            (call-interactively #'lsp-execute-code-action))
          (amends-test-check (cl-some (lambda (c) (string-match-p "Disable minimizing for this line" c)) offered)
                             "the menu offers the suppression" offered))
        (amends-test-check (not (string-match-p "slight" (buffer-string))) "the quick fix removed 'slight'" (buffer-string))
        (save-buffer)
        (let ((saved (with-temp-buffer (insert-file-contents (expand-file-name "reply.md" dir)) (buffer-string))))
          (amends-test-check (equal saved (replace-regexp-in-string "slight " "" (getenv "AMENDS_DRAFT")))
                             "the saved file has the fix and nothing else changed" saved)))
    (error (amends-test-check nil (format "error: %s" (error-message-string err)))))
  (ignore-errors (lsp-workspace-shutdown (car (lsp-workspaces))))
  (princ (if (zerop amends-test-failures) "emacs lsp-mode: all checks passed\n"
           (format "emacs lsp-mode: %d check(s) failed\n" amends-test-failures)))
  (kill-emacs (if (zerop amends-test-failures) 0 1)))
