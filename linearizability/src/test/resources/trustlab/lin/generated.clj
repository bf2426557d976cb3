(ns trustlab.lin.generated
  "Generated concurrent histories for property tests of the checker. Processes run operations on an in-memory
  object under a generated schedule: each operation is invoked, takes effect, and completes in three steps that
  other processes' steps may interleave with. An object that takes effect atomically is linearizable by
  construction; one with an injected stale read, or a consume-once store that checks and marks in two steps, is
  not, and test.check shrinks such a history to a minimal one."
  (:require [clojure.test.check :as tc]
            [clojure.test.check.generators :as gen]
            [clojure.test.check.properties :as prop]
            [trustlab.lin.core :as core]
            [trustlab.lin.models :as m]))

;; ---------------------------------------------------------------------------------------------------------------
;; Objects: what an operation observes at its invocation, and its effect and result when it takes effect

(def register
  {:model "register" :initial 0
   :op-gen (gen/elements [:read :write])
   :invoke-value (fn [f i] (when (= f :write) (inc i)))        ; unique written values: 1, 2, ...
   :observe (fn [_ _] nil)
   :effect (fn [state f v _] (case f :write [v v] :read [state state]))})

(defn- consume-effect [store _ [n _] fresh-at-invoke?]
  (let [fresh? (if (nil? fresh-at-invoke?) (= :fresh (get store n)) fresh-at-invoke?)]
    [(if fresh? (assoc store n :consumed) store) [n (if fresh? :accepted :rejected)]]))

(def nonce-store
  {:model "nonce-store" :initial {0 :fresh 1 :fresh}
   :op-gen (gen/elements [0 1 2])                              ; which nonce to consume (2 was never issued)
   :invoke-value (fn [n _] [n nil])
   :observe (fn [_ _] nil)
   :effect (fn [store _ v _] (consume-effect store nil v nil))})

(def two-step-nonce-store
  "A mutant: checks freshness when the request arrives, marks it consumed later."
  (assoc nonce-store
         :observe (fn [store [n _]] (= :fresh (get store n)))
         :effect (fn [store _ v fresh?] (consume-effect store nil v fresh?))))

(defn- f-of [object op] (if (= "nonce-store" (:model object)) :consume op))

;; ---------------------------------------------------------------------------------------------------------------
;; Running a schedule

(defn run
  "The history of `ops` ([process op] pairs, each process running its own in order) under `schedule` (process
  ids: each entry moves that process one step), every process finished in order of id after the schedule."
  [object ops schedule]
  (let [procs (sort (distinct (map first ops)))
        queue (reduce (fn [q [i [p op]]] (update q p (fnil conj []) [i op])) {} (map-indexed vector ops))
        ;; per process: :idle, or [:invoked op value observed], or [:applied op result]
        start {:state (:initial object) :history [] :pc (zipmap procs (repeat :idle)) :queue queue}
        step (fn [{:keys [state pc] :as w} p]
               (let [at (get pc p)]
                 (cond
                   (nil? at) w
                   (= :idle at)
                   (if-let [[i op] (first (get-in w [:queue p]))]
                     (let [f (f-of object op)
                           v ((:invoke-value object) op i)]
                       (-> w
                           (update-in [:queue p] subvec 1)
                           (assoc-in [:pc p] [:invoked f v ((:observe object) state v)])
                           (update :history conj {:process p :type :invoke :f f :value v})))
                     w)
                   (= :invoked (first at))
                   (let [[_ f v observed] at
                         [state' result] ((:effect object) state f v observed)]
                     (-> w (assoc :state state') (assoc-in [:pc p] [:applied f result])))
                   :else
                   (let [[_ f result] at]
                     (-> w
                         (assoc-in [:pc p] :idle)
                         (update :history conj {:process p :type :ok :f f :value result}))))))
        w (reduce step start schedule)
        ;; finish: each process runs to the end of its operations
        finish (fn [w p] (loop [w w] (let [w' (step w p)] (if (= w' w) w (recur w')))))]
    (:history (reduce finish w procs))))

(defn stale-read
  "The history with one read's result replaced by a value it cannot have read: one overwritten by a write that
  completed before the read was invoked (the initial 0, or a write that completed before that write began).
  nil when no read can be made stale."
  [history]
  (let [indexed (map-indexed vector history)
        completion (fn [p from] (first (keep (fn [[j op]] (when (and (> j from) (= p (:process op))
                                                                      (not= :invoke (:type op))) j)) indexed)))
        writes (for [[i op] indexed :when (and (= :invoke (:type op)) (= :write (:f op)))]
                 {:value (:value op) :invoked i :completed (completion (:process op) i)})
        reads (for [[i op] indexed :when (and (= :invoke (:type op)) (= :read (:f op)))]
                {:invoked i :completed (completion (:process op) i)})
        stale-for (fn [r]
                    (let [before (filter #(< (:completed %) (:invoked r)) writes)]
                      (when (seq before)
                        (let [w2 (apply max-key :invoked before)
                              olds (filter #(< (:completed %) (:invoked w2)) writes)]
                          (if (seq olds) (:value (apply max-key :completed olds)) 0)))))]
    (when-let [[r v] (first (keep (fn [r] (when-let [v (stale-for r)] [r v])) (reverse reads)))]
      (assoc-in history [(:completed r) :value] v))))

;; ---------------------------------------------------------------------------------------------------------------
;; Properties

(defn scenario [object]
  (gen/let [procs (gen/choose 1 4)
            ops (gen/vector (gen/tuple (gen/choose 0 (dec procs)) (:op-gen object)) 1 24)
            schedule (gen/vector (gen/choose 0 (dec procs)) 0 72)]
    {:ops ops :schedule schedule}))

(def ^:private options {:time-limit-nanos 60000000000 :budget-bytes (* 256 1024 1024) :jobs 1})

(defn verdict [object history]
  (:valid? (core/check history (m/model (:model object) (:initial object)) options)))

(defn- quick [trials seed property]
  (let [r (tc/quick-check trials property :seed seed :max-size 50)]
    {"pass" (boolean (:pass? r))
     "trials" (:num-tests r (:num-tests-total (:shrunk r)))
     "smallest" (some-> r :shrunk :smallest first)
     "smallest-history" (some-> r ::history)}))

(defn atomic-object-is-linearizable [object-name trials seed]
  (let [object (case object-name "register" register "nonce-store" nonce-store)]
    (quick trials seed (prop/for-all [s (scenario object)]
                         (true? (verdict object (run object (:ops s) (:schedule s))))))))

(defn- stale-scenario []
  (gen/such-that #(some? (stale-read (run register (:ops %) (:schedule %)))) (scenario register) 200))

(defn stale-read-is-not-linearizable [trials seed]
  (quick trials seed (prop/for-all [s (stale-scenario)]
                       (false? (verdict register (stale-read (run register (:ops s) (:schedule s))))))))

(defn- history-of [object s transform]
  (vec (transform (run object (:ops s) (:schedule s)))))

(defn shrink-to-minimal
  "Claims (wrongly) that histories are linearizable and lets test.check shrink the counterexample; answers the
  smallest history it found, as EDN text, with the check's result."
  [which trials seed]
  (let [[object gen transform] (case which
                                 "stale-read" [register (stale-scenario) stale-read]
                                 "two-step-nonce-store" [two-step-nonce-store (scenario two-step-nonce-store)
                                                         identity])
        r (tc/quick-check trials (prop/for-all [s gen] (true? (verdict object (history-of object s transform))))
                          :seed seed :max-size 50)
        smallest (some-> r :shrunk :smallest first)]
    {"pass" (boolean (:pass? r))
     "history" (when smallest (history-of object smallest transform))}))
