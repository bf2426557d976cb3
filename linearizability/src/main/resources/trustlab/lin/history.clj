(ns trustlab.lin.history
  "Jepsen histories as data: reading them from EDN (one vector of operation maps, or one map per line, with `;`
  comments), writing them back, and Knossos's preprocessing into calls the checker can search.

  Every operation read carries its source line and column as metadata, so a malformed history is reported at the
  place a person would fix it."
  (:require [clojure.edn :as edn])
  (:import (clojure.lang LineNumberingPushbackReader)
           (java.io Reader Writer)))

(set! *warn-on-reflection* true)

(def op-types #{:invoke :ok :fail :info})

(defn- bad
  "Bad input: a reason with the place it was found. Java turns the ex-data into a located message."
  [line column reason]
  (throw (ex-info reason {::bad-input true :line line :column column})))

(defn- skip-blank
  "Skips whitespace, commas and `;` comments; returns the next character code without consuming it (-1 at end)."
  [^LineNumberingPushbackReader r]
  (loop []
    (let [c (.read r)]
      (cond
        (= c -1) -1
        (or (Character/isWhitespace c) (= c (int \,))) (recur)
        (= c (int \;)) (do (loop [] (let [d (.read r)] (when-not (or (= d -1) (= d (int \newline))) (recur))))
                           (recur))
        :else (do (.unread r c) c)))))

(defn- abbreviate [x]
  (let [s (binding [*print-length* 8 *print-level* 3] (pr-str x))]
    (if (> (count s) 120) (str (subs s 0 117) "...") s)))

(defn- read-form [^LineNumberingPushbackReader r]
  (let [line (.getLineNumber r)
        column (.getColumnNumber r)
        form (try
               (edn/read {:eof ::eof :default tagged-literal} r)
               (catch RuntimeException e
                 ;; the reader wraps its reason; the innermost exception says it plainly
                 (let [^Throwable cause (loop [^Throwable t e] (if-let [c (.getCause t)] (recur c) t))]
                   (bad line column (str "not EDN: " (.getMessage cause))))))]
    (if (map? form)
      (with-meta form {:line line :column column})
      (bad line column (str "expected an operation map, found " (abbreviate form))))))

(defn- check-op [op i]
  (let [{:keys [line column]} (meta op)
        where (fn [reason] (bad line column (str "op " i ": " reason)))]
    (when-not (contains? op-types (:type op))
      (where (str ":type must be one of :invoke :ok :fail :info, found " (abbreviate (:type op)))))
    (when-not (contains? op :process) (where "no :process"))
    (when-not (contains? op :f) (where "no :f"))
    op))

(defn read-history
  "Reads every operation of a history from `reader`: an EDN vector of maps, or maps one after another."
  [^Reader reader]
  (let [r (LineNumberingPushbackReader. reader)
        first-char (skip-blank r)
        ;; Knossos's own files hold a vector or a list of operations
        closer (get {(int \[) (int \]), (int \() (int \))} first-char)
        vector? (some? closer)
        open-line (.getLineNumber r)
        open-column (.getColumnNumber r)
        _ (when vector? (.read r))
        ops (loop [ops (transient [])]
              (let [c (skip-blank r)]
                (cond
                  (and vector? (= c closer)) (do (.read r) (persistent! ops))
                  (= c -1) (if vector?
                             (bad open-line open-column
                                  (str "the history's " (if (= closer (int \])) "vector" "list") " is not closed"))
                             (persistent! ops))
                  :else (recur (conj! ops (check-op (read-form r) (count ops)))))))]
    (when (and vector? (not= -1 (skip-blank r)))
      (bad (.getLineNumber r) (.getColumnNumber r) "text after the history's closing ]"))
    ops))

(defn write-history
  "Writes operations as an EDN vector, one map per line: readable by Knossos, Jepsen and `read-history`."
  [ops ^Writer w]
  (binding [*print-length* nil *print-level* nil *print-meta* false *print-namespace-maps* false]
    (if (empty? ops)
      (.write w "[]\n")
      (do (.write w "[")
          (doseq [[i op] (map-indexed vector ops)]
            (when (pos? i) (.write w "\n "))
            (.write w ^String (pr-str op)))
          (.write w "]\n"))))
  (.flush w))

;; ---------------------------------------------------------------------------------------------------------------
;; Preprocessing, as Knossos does it

(defn- client? [op] (integer? (:process op)))

(defn calls
  "Pairs each invocation with its completion. Returns {:calls [...]} where each call is
  {:op invoke-with-completed-value, :call i, :ret j-or-nil} (positions in the history; nil = open forever), or
  throws bad input naming the operation's position and line. Like Knossos: an :ok completion's value completes
  the invocation's, a :fail removes the operation (it did not happen), an :info completion or none at all leaves
  it open forever (it may or may not have happened, at any time after its invocation). Operations of non-client
  processes (a nemesis) are not operations on the object and are left out."
  [history]
  (let [n (count history)]
    (loop [i 0, open {}, calls (transient [])]
      (if (= i n)
        ;; invocations never completed are crashed operations, as if completed with :info
        {:calls (persistent! (reduce (fn [cs j] (conj! cs {:op (nth history j) :call j :ret nil}))
                                     calls (sort (vals open))))}
        (let [op (nth history i)
              p (:process op)]
          (if-not (client? op)
            (recur (inc i) open calls)
            (let [{:keys [line column]} (meta op)
                  fail (fn [reason] (bad line column (str "op " i ": " reason)))]
              (case (:type op)
                :invoke (if-let [j (get open p)]
                          (fail (str "process " p " invokes again while its invocation at op " j
                                     " is still open"))
                          (recur (inc i) (assoc open p i) calls))
                (:ok :fail :info)
                (let [j (get open p)
                      inv (when j (nth history j))]
                  (when-not j
                    (fail (str "a " (:type op) " completion of process " p " without an open invocation")))
                  (when-not (= (:f inv) (:f op))
                    (fail (str "completion :f " (pr-str (:f op)) " differs from its invocation's "
                               (pr-str (:f inv)) " (op " j ")")))
                  (case (:type op)
                    :ok (recur (inc i) (dissoc open p)
                               (conj! calls {:op (assoc inv :value (:value op)) :call j :ret i}))
                    :fail (recur (inc i) (dissoc open p) calls)
                    :info (recur (inc i) (dissoc open p) (conj! calls {:op inv :call j :ret nil}))))))))))))

(defn sorted-calls
  "The calls in invocation order (crashed ones included), for partitioning and for the search."
  [history]
  (vec (sort-by :call (:calls (calls history)))))
