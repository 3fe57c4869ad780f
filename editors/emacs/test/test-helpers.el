;;; test-helpers.el --- what both Emacs tests share: checks, waiting, Debian's packages  -*- lexical-binding: t; -*-
;; Loaded by test.el (eglot) and test-lsp-mode.el (lsp-mode).

(require 'cl-lib)
(defvar amends-test-failures 0)

(defun amends-test-check (ok what &optional detail)
  (princ (format "  %s %s%s\n" (if ok "ok  " "FAIL") what
                 (if (and (not ok) detail) (format "\n       %S" detail) "")))
  (unless ok (cl-incf amends-test-failures))
  ok)

(defun amends-test-wait (what seconds condition)
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall condition))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or value (error "timed out after %ss waiting for %s" seconds what))))

(defun amends-test-use-packages (here)
  "Make Debian's elpa-* packages and amends' own Lisp (the folder above HERE) loadable.
-Q skips Debian's start-up files, so find the packages the way package.el does."
  (require 'package)
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
  (package-initialize)
  (add-to-list 'load-path (expand-file-name ".." here)))

(provide 'test-helpers)
