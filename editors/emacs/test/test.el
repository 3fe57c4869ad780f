;;; test.el --- amends in the real Emacs, batch mode: eglot, flymake, a quick fix  -*- lexical-binding: t; -*-
;; Run by run.sh: emacs --batch -Q -l test.el.  Environment: AMENDS_BIN, AMENDS_TEST_DIR.

(load (expand-file-name "test-helpers.el" (file-name-directory load-file-name)) nil t)
(setq debug-on-error nil)

(defun amends-test-command-done ()
  "What the command loop and redisplay do after a command: `post-command-hook', and
`window-configuration-change-hook' now that the buffer is on screen."
  (run-hooks 'post-command-hook)
  (run-window-configuration-change-hook))

(let* ((dir (getenv "AMENDS_TEST_DIR"))
       (bin (getenv "AMENDS_BIN"))
       (here (file-name-directory (or load-file-name buffer-file-name))))
  (amends-test-use-packages here)
  (princ (format "emacs %s, eglot from %s\n" emacs-version (locate-library "eglot")))
  (require 'markdown-mode)
  (require 'amends-eglot)
  (setq amends-eglot-command (list bin "lsp"))
  (setq eglot-sync-connect 10
        eglot-autoshutdown t
        flymake-no-changes-timeout 0.1)
  (condition-case err
      (progn
        (find-file (expand-file-name "reply.md" dir))
        (amends-test-check (eq major-mode 'markdown-mode) "reply.md opens in markdown-mode" major-mode)
        ;; eglot-ensure runs from the mode hook, on the next command loop: do that in batch.
        ;; In batch there is no command loop and no redisplay: do what they would do once the
        ;; file is open, which is when eglot-ensure connects and flymake starts.
        (amends-test-command-done)
        (amends-test-wait "eglot to connect" 15 #'eglot-current-server)
        (amends-test-check (string-match-p "amends" (format "%S" (process-command (jsonrpc--process (eglot-current-server)))))
                           "eglot runs amends lsp")
        ;; 1. flymake shows amends' diagnostics, on the right text.
        (let* ((diags (amends-test-wait "flymake diagnostics" 20
                                        (lambda () (let ((d (flymake-diagnostics))) (and (>= (length d) 5) d)))))
               (text-of (lambda (d) (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))))
               (find-diag (lambda (prefix) (cl-find-if (lambda (d) (string-match-p (regexp-quote prefix) (flymake-diagnostic-text d))) diags))))
          (dolist (expected '(("[conditional-apology]: 'if' makes the apology conditional: it doubts the harm" "We are sorry if the delay upset you" :warning)
                              ("[cliche]: canned phrase: say the specific thing instead" "apologize for any inconvenience" :warning)
                              ("[minimizing]: minimizes the harm: let the reader decide how big it was" "this slight delay" :warning)
                              ("[hedging]: hedged apology: 'may have' weakens the admission" "may have" :warning)
                              ("[missing-remedy]: no remedy: say what you have done" "We are sorry if the delay upset you, Zoë." :warning)))
            (let ((d (funcall find-diag (car expected))))
              (when (amends-test-check d (format "flymake shows %S" (car expected)) (mapcar #'flymake-diagnostic-text diags))
                (amends-test-check (equal (funcall text-of d) (nth 1 expected))
                                   (format "  ... on %S" (nth 1 expected)) (funcall text-of d))
                (amends-test-check (eq (flymake-diagnostic-type d) 'eglot-warning)
                                   "  ... as a warning" (flymake-diagnostic-type d)))))
          ;; 2. Hover: the explanation eldoc would show.
          (goto-char (point-min))
          (search-forward "slight")
          (backward-char 2)
          (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                         (eglot--TextDocumentPositionParams)))
                 (text (format "%s" (plist-get (plist-get hover :contents) :value))))
            (amends-test-check (string-match-p "\\*\\*minimizing\\*\\* · amends" text) "hover names the rule" text)
            (amends-test-check (string-match-p "Why this weakens the apology:" text) "hover explains why" text))
          ;; 3. The quick fix, through eglot-code-actions as M-x eglot-code-actions runs it: the
          ;;    user accepts the default of the prompt, which eglot makes the preferred action.
          (let (offered prompt)
            (cl-letf (((symbol-function 'completing-read)
                       (lambda (p collection &rest args)
                         (setq prompt p offered (mapcar #'car collection))
                         (nth 4 args))))
              (let ((last-nonmenu-event ?\r))
                (eglot-code-actions (point) nil nil t)))
            (amends-test-check (member "Disable minimizing for this line" offered) "the menu offers the suppression" offered)
            (amends-test-check (string-match-p "(default Remove 'slight')" (or prompt "")) "the preferred fix is the default" prompt))
          (amends-test-check (not (string-match-p "slight" (buffer-string))) "the quick fix removed 'slight'" (buffer-string))
          (save-buffer)
          (let ((saved (with-temp-buffer (insert-file-contents (expand-file-name "reply.md" dir)) (buffer-string))))
            (amends-test-check (string-match-p "We apologize for any inconvenience this delay may have caused\\." saved)
                               "the saved file has the fix and nothing else changed" saved)
            (amends-test-check (= (length saved) (- (length (getenv "AMENDS_DRAFT")) (length "slight ")))
                               "  ... and is exactly 'slight ' shorter" saved))
          ;; flymake follows: minimizing goes away.
          (amends-test-wait "minimizing to disappear" 15
                            (lambda () (not (cl-find-if (lambda (d) (string-match-p "minimizes the harm" (flymake-diagnostic-text d)))
                                                        (flymake-diagnostics)))))
          (amends-test-check t "flymake follows the fix"))
        ;; 4. Plain text: text-mode gets amends too.
        (find-file (expand-file-name "reply.txt" dir))
        ;; In batch there is no command loop and no redisplay: do what they would do once the
        ;; file is open, which is when eglot-ensure connects and flymake starts.
        (amends-test-command-done)
        (amends-test-wait "flymake diagnostics in reply.txt" 20
                          (lambda () (cl-find-if (lambda (d) (string-match-p "\\[cliche\\]: canned phrase" (flymake-diagnostic-text d)))
                                                 (flymake-diagnostics))))
        (amends-test-check (eq major-mode 'text-mode) "reply.txt (text-mode) gets the cliche finding" major-mode))
    (error (amends-test-check nil (format "error: %s" (error-message-string err)))))
  (when (getenv "AMENDS_DEBUG")
    (with-current-buffer (jsonrpc-events-buffer (car (gethash (eglot--current-project) eglot--servers-by-project)))
      (princ (buffer-string))))
  (ignore-errors (eglot-shutdown-all))
  (princ (if (zerop amends-test-failures) "emacs: all checks passed\n"
           (format "emacs: %d check(s) failed\n" amends-test-failures)))
  (kill-emacs (if (zerop amends-test-failures) 0 1)))
