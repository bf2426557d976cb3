(ns trustlab.lin.models
  "Sequential specifications the checker linearizes against. A model's state is a plain immutable value (so the
  search can memoize on it); `step` applies one completed operation and answers the next state, or `inconsistent`
  when the operation could not have returned what it returned from that state.

  As in Knossos, a nil `:value` where a result is expected means the result is not known (a crashed read): it
  constrains nothing.")

(set! *warn-on-reflection* true)

(def inconsistent
  "The step answer for an operation that cannot happen in that state (nil is a state: an empty register)."
  (Object.))

(defprotocol Model
  (initial [m] "The state before any operation.")
  (step [m state op] "The state after `op`, or `inconsistent`.")
  (read-only? [m op] "True when `op` never changes the state: such an operation, when crashed, can be dropped."))

(defn- read-matches [state v] (or (nil? v) (= v state)))

(defrecord Register [init]
  Model
  (initial [_] init)
  (step [_ state op]
    (case (:f op)
      :write (:value op)
      :read (if (read-matches state (:value op)) state inconsistent)
      inconsistent))
  (read-only? [_ op] (= :read (:f op))))

(defrecord CasRegister [init]
  Model
  (initial [_] init)
  (step [_ state op]
    (let [v (:value op)]
      (case (:f op)
        :write v
        :read (if (read-matches state v) state inconsistent)
        :cas (if (and (sequential? v) (= 2 (count v)) (= (nth v 0) state)) (nth v 1) inconsistent)
        inconsistent)))
  (read-only? [_ op] (= :read (:f op))))

(defrecord MultiRegister [init]
  Model
  (initial [_] (or init {}))
  (step [_ state op]
    (if (= :txn (:f op))
      (reduce (fn [s [f k v]]
                (case f
                  :read (if (read-matches (get s k) v) s (reduced inconsistent))
                  :write (assoc s k v)
                  (reduced inconsistent)))
              state (:value op))
      inconsistent))
  (read-only? [_ op] (and (= :txn (:f op)) (every? #(= :read (first %)) (:value op)))))

(defrecord SetModel [init]
  Model
  (initial [_] (set (or init #{})))
  (step [_ state op]
    (let [v (:value op)]
      (case (:f op)
        :add (conj state v)
        :read (if (or (nil? v) (= (set v) state)) state inconsistent)
        inconsistent)))
  (read-only? [_ op] (= :read (:f op))))

(defrecord Mutex [init]
  Model
  (initial [_] (boolean init))
  (step [_ locked op]
    (case (:f op)
      :acquire (if locked inconsistent true)
      :release (if locked false inconsistent)
      inconsistent))
  (read-only? [_ _] false))

(defrecord FifoQueue [init]
  Model
  (initial [_] (into clojure.lang.PersistentQueue/EMPTY init))
  (step [_ q op]
    (let [v (:value op)]
      (case (:f op)
        :enqueue (conj q v)
        :dequeue (cond (empty? q) inconsistent
                       (or (nil? v) (= v (peek q))) (pop q)
                       :else inconsistent)
        inconsistent)))
  (read-only? [_ _] false))

(defrecord UnorderedQueue [init]
  Model
  ;; a multiset: element -> how many are queued
  (initial [_] (frequencies init))
  (step [_ bag op]
    (let [v (:value op)]
      (case (:f op)
        :enqueue (update bag v (fnil inc 0))
        :dequeue (let [k (get bag v 0)]
                   (cond (zero? k) inconsistent
                         (= 1 k) (dissoc bag v)
                         :else (assoc bag v (dec k))))
        inconsistent)))
  (read-only? [_ _] false))

(defrecord Kv [init]
  ;; One key's string, as Porcupine's key-value model: the history is partitioned by :key before the search.
  Model
  (initial [_] (or init ""))
  (step [_ s op]
    (let [v (:value op)]
      (case (:f op)
        :get (if (read-matches s v) s inconsistent)
        :put v
        :append (if (and (string? s) (string? v)) (.concat ^String s ^String v) (str s v))
        inconsistent)))
  (read-only? [_ op] (= :get (:f op))))

(defrecord TofuSlot [init]
  ;; trustlab's relay slot (trust on first use): the first claim's proof wins the slot; a later claim is granted
  ;; only when it presents that proof. A claim's value is [proof outcome], outcome :granted or :refused.
  Model
  (initial [_] init)
  (step [_ holder op]
    (let [[proof outcome] (when (sequential? (:value op)) (:value op))]
      (case (:f op)
        :claim (let [granted? (or (nil? holder) (= proof holder))]
                 (cond (nil? outcome) (if granted? (or holder proof) holder)
                       (not= outcome (if granted? :granted :refused)) inconsistent
                       :else (or holder proof)))
        :read (if (read-matches holder (:value op)) holder inconsistent)
        inconsistent)))
  (read-only? [_ op] (= :read (:f op))))

(defrecord NonceStore [init]
  ;; A consume-once nonce store (a validator's consumed-challenge set): :issue n makes n fresh; :consume with
  ;; value [n outcome] is :accepted exactly when n is fresh, and then n is consumed for good.
  Model
  (initial [_] (or init {}))
  (step [_ store op]
    (let [v (:value op)]
      (case (:f op)
        :issue (if (contains? store v) inconsistent (assoc store v :fresh))
        :consume (let [[n outcome] (when (sequential? v) v)
                       fresh? (= :fresh (get store n))]
                   (cond (nil? outcome) (if fresh? (assoc store n :consumed) store)
                         (not= outcome (if fresh? :accepted :rejected)) inconsistent
                         fresh? (assoc store n :consumed)
                         :else store))
        inconsistent)))
  (read-only? [_ _] false))

(def constructors
  "CLI name -> constructor of the initial value (nil unless given, as in Knossos)."
  (array-map "register" ->Register
             "cas-register" ->CasRegister
             "multi-register" ->MultiRegister
             "set" ->SetModel
             "mutex" ->Mutex
             "fifo-queue" ->FifoQueue
             "unordered-queue" ->UnorderedQueue
             "kv" ->Kv
             "tofu-slot" ->TofuSlot
             "nonce-store" ->NonceStore))

(defn names [] (vec (keys constructors)))

(defn model [name init]
  (if-let [c (get constructors name)]
    (c init)
    (throw (IllegalArgumentException. (str "unknown model '" name "'; known: " (clojure.string/join ", " (names)))))))
