;;; eglot-client.el --- Drives Emacs's eglot (Debian's elpa-eglot) against grounded-lsp. -*- lexical-binding: t -*-
;; Loads the README's eglot snippet (GROUNDED_SNIPPET), opens report.md in markdown-mode, connects,
;; and asks for the diagnostics of a report with a wrong figure, a completion after "[@", a hover,
;; a definition and the figure's quick fix, applied to the buffer. Writes what it got to
;; GROUNDED_RESULTS as JSON for test/lsp/eglot.test.ts to check; the test decides, not this.
(require 'package)
(package-initialize)
(require 'json)
(require 'markdown-mode)
(require 'eglot)
(load (getenv "GROUNDED_SNIPPET") nil t)

(defvar grounded-results nil)
(defun grounded-put (key value) (push (cons key value) grounded-results))

(defun grounded-wait (predicate seconds)
  "Wait until PREDICATE holds, reading the server's messages meanwhile (at most SECONDS)."
  (let ((deadline (+ (float-time) seconds)) (done nil))
    (while (and (not (setq done (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    done))

(defun grounded-lsp-diagnostics ()
  "The LSP diagnostics Flymake holds for this buffer, as the server sent them."
  (flymake-start)
  (mapcar (lambda (d) (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))) (flymake-diagnostics)))

(defun grounded-codes () (mapcar (lambda (d) (plist-get d :code)) (grounded-lsp-diagnostics)))

(defun grounded-at (line text)
  "Point after TEXT on LINE (1-based), or at the line's end when TEXT is nil."
  (goto-char (point-min))
  (forward-line (1- line))
  (if text (search-forward text (line-end-position)) (end-of-line)))

(condition-case err
    (progn
      (find-file (expand-file-name "report.md"))
      (grounded-put 'mode (symbol-name major-mode))
      (apply #'eglot (eglot--guess-contact))
      (let ((server (eglot-current-server)))
        (unless server (error "eglot did not connect"))
        (unless (grounded-wait (lambda () (member "figure-mismatch" (grounded-codes))) 30)
          (error "no figure-mismatch diagnostic arrived"))
        (grounded-put 'codes (grounded-codes))
        (grounded-at 3 nil)
        (let ((list (jsonrpc-request server :textDocument/completion (eglot--TextDocumentPositionParams))))
          (grounded-put 'completion (mapcar (lambda (i) (plist-get i :label)) (plist-get list :items))))
        (grounded-at 1 "@putin")
        (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
          (grounded-put 'hover (plist-get (plist-get hover :contents) :value)))
        (let ((location (aref (jsonrpc-request server :textDocument/definition (eglot--TextDocumentPositionParams)) 0)))
          (grounded-put 'definition (list (cons 'uri (plist-get location :uri))
                                          (cons 'line (plist-get (plist-get (plist-get location :range) :start) :line)))))
        (let* ((figure (seq-find (lambda (d) (equal (plist-get d :code) "figure-mismatch")) (grounded-lsp-diagnostics)))
               (actions (jsonrpc-request server :textDocument/codeAction
                                         (list :textDocument (eglot--TextDocumentIdentifier)
                                               :range (plist-get figure :range)
                                               :context (list :diagnostics (vector figure))))))
          (grounded-put 'actions (mapcar (lambda (a) (plist-get a :title)) actions))
          (eglot--apply-workspace-edit (plist-get (aref actions 0) :edit))
          ;; What eglot's idle timer does (an idle timer never fires in batch mode).
          (eglot--signal-textDocument/didChange)
          (grounded-put 'fixed-line (progn (goto-char (point-min)) (buffer-substring-no-properties (point) (line-end-position))))
          (grounded-put 'rechecked (and (grounded-wait (lambda () (let ((codes (grounded-codes))) (and (member "unknown-source" codes) (not (member "figure-mismatch" codes))))) 30) t))
          (grounded-put 'codes-after-fix (grounded-codes)))
        (eglot-shutdown server)))
  (error (grounded-put 'error (error-message-string err))))

(with-temp-file (getenv "GROUNDED_RESULTS")
  (insert (json-encode grounded-results)))
(kill-emacs 0)
