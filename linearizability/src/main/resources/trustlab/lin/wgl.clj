(ns trustlab.lin.wgl
  "Wing & Gong's linearizability search with Lowe's memoization, over one partition of a history.

  The history is a doubly-linked list of call and return entries in history order (arrays of indices: entry 2c is
  call c's invocation, 2c+1 its return, the last index the list's head). The search walks the list from the head:
  at a call it tries to linearize the operation next (apply it to the model, `lift` both its entries out of the
  list, start again from the head); at a return it has met an operation that completed before anything left could
  be linearized, so it backtracks (`unlift` the last linearized call and try the one after it). A configuration is
  the set of linearized calls (a bitset) with the model's state; one already seen is not searched again (Lowe).
  Crashed calls return after every other entry: once the search reaches such a return, every completed call is
  linearized and the history is linearizable.

  Bounded: a deadline, a budget on the bytes the memo may take and a cancel flag are polled every few thousand
  steps; reaching one answers :unknown with the reason instead of running on or out of memory."
  (:require [trustlab.lin.models :as m])
  (:import (clojure.lang Util)
           (java.util Arrays HashSet)
           (java.util.concurrent.atomic AtomicBoolean)))

(set! *warn-on-reflection* true)
(set! *unchecked-math* :warn-on-boxed)

(deftype Config [^longs bits state ^int hash]
  Object
  (hashCode [_] hash)
  (equals [_ o]
    (let [^Config c o]
      (and (== hash (.-hash c)) (Arrays/equals bits ^longs (.-bits c)) (Util/equiv state (.-state c))))))

(defn- config-hash ^long [^longs bits state]
  (unchecked-add-int (unchecked-multiply-int (Arrays/hashCode bits) 31) (Util/hasheq state)))

(def ^:private ^:const poll-every 4096)
(def ^:private ^:const window-states 16)

(defn- bytes-per-config
  "A rough price of one memo entry: the Config, its bitset, a HashSet node and table slot, and the state's share."
  ^long [^long words]
  (+ 120 (* 8 words)))

(defn- list-order
  "Entry indices in history order: calls at their invocation, returns at their completion, crashed returns last
  (in invocation order). Sorted as primitive keys, position in the high bits and entry in the low 31."
  ^longs [calls]
  (let [n (count calls)
        keys (long-array (* 2 n))
        after-all (bit-shift-left 1 31)]
    (dotimes [c n]
      (let [{:keys [call ret]} (nth calls c)
            call (long call)]
        (aset keys (* 2 c) (+ (bit-shift-left call 31) (* 2 c)))
        (aset keys (inc (* 2 c)) (+ (bit-shift-left (if ret (long ret) (+ after-all call)) 31) (inc (* 2 c))))))
    (Arrays/sort keys)
    (dotimes [i (alength keys)]
      (aset keys i (bit-and (aget keys i) 0x7fffffff)))
    keys))

(defn search
  "Searches one partition. `calls` are {:op :call :ret} in invocation order. Limits: {:deadline-nanos :budget-bytes
  :cancel AtomicBoolean}. Answers {:valid? true|false|:unknown, :configs n, ...} with, when invalid, the deepest
  point the search reached: the call it could not linearize before its return, the calls then still pending and
  the model states from which none of them fit."
  [model calls {:keys [^long deadline-nanos ^long budget-bytes ^AtomicBoolean cancel]}]
  (let [n (count calls)
        head (* 2 n)
        ^objects ops (object-array (map :op calls))
        ^booleans crashed (boolean-array (map (comp nil? :ret) calls))
        ^ints nxt (int-array (inc head) -1)
        ^ints prv (int-array (inc head) -1)
        words (quot (+ n 63) 64)
        ^longs bits (long-array words)
        memo (HashSet. 256)
        max-configs (long (quot budget-bytes (bytes-per-config words)))
        ^ints stack (int-array (max n 1))
        ^objects stack-states (object-array (max n 1))
        deepest (volatile! {:depth -1})]
    ;; link the list: head, then entries in history order
    (let [^longs order (list-order calls)]
      (loop [i 0, prev head]
        (when (< i (alength order))
          (let [e (aget order i)]
            (aset nxt prev (int e))
            (aset prv e (int prev))
            (recur (inc i) e)))))
    (letfn [(lift [^long e]
              (let [p (aget prv e) q (aget nxt e)]
                (aset nxt p q)
                (when-not (== q -1) (aset prv q p))))
            (unlift [^long e]
              (let [p (aget prv e) q (aget nxt e)]
                (aset nxt p (int e))
                (when-not (== q -1) (aset prv q (int e)))))
            (note-deepest [^long depth ^long ret state]
              ;; the deepest configurations explain a failure best: the most calls linearized before one stuck
              (let [d (long (:depth @deepest))]
                (cond
                  (> depth d)
                  (vreset! deepest {:depth depth
                                    :stuck (quot ret 2)
                                    :linearized (vec (take depth stack))
                                    :pending (loop [e (aget nxt head) acc []]
                                               (if (== e ret) acc (recur (aget nxt e) (conj acc (quot e 2)))))
                                    :states [state]})
                  (and (== depth d) (== (quot ret 2) (long (:stuck @deepest)))
                       (< (count (:states @deepest)) window-states)
                       (not (some #(= state %) (:states @deepest))))
                  (vswap! deepest update :states conj state))))
            (stop [reason] {:valid? :unknown :reason reason :configs (.size memo)})]
      (loop [e (aget nxt head), state (m/initial model), depth 0, steps 0]
        (cond
          (and (zero? (rem steps poll-every))
               (or (.get cancel) (> (System/nanoTime) deadline-nanos) (> (.size memo) max-configs)))
          (cond (.get cancel) (stop "cancelled: another partition is not linearizable")
                (> (.size memo) max-configs)
                (stop (str "memory budget reached: " (.size memo) " configurations memoized (about "
                           (quot budget-bytes (* 1024 1024)) " MiB)"))
                :else (stop (str "time limit reached after " (.size memo) " configurations")))

          (== e -1) {:valid? true :configs (.size memo)}

          (zero? (bit-and e 1))                                    ; a call: try to linearize it next
          (let [c (bit-shift-right e 1)
                s (m/step model state (aget ops c))]
            (if (identical? s m/inconsistent)
              (recur (aget nxt e) state depth (inc steps))
              (let [w (bit-shift-right c 6)
                    bit (bit-shift-left 1 (bit-and c 63))]
                (aset bits w (bit-or (aget bits w) bit))
                (let [probe (Config. bits s (config-hash bits s))]
                  (if (.contains memo probe)
                    (do (aset bits w (bit-and (aget bits w) (bit-not bit)))
                        (recur (aget nxt e) state depth (inc steps)))
                    (do (.add memo (Config. (aclone bits) s (.-hash probe)))
                        (aset stack depth (int c))
                        (aset stack-states depth state)
                        (lift e)
                        (lift (inc e))
                        (recur (aget nxt head) s (inc depth) (inc steps))))))))

          (aget crashed (bit-shift-right e 1)) {:valid? true :configs (.size memo)}

          :else                                                    ; a return: backtrack
          (do (note-deepest depth e state)
              (if (zero? depth)
                (assoc @deepest :valid? false :configs (.size memo))
                (let [d (dec depth)
                      c (aget stack d)
                      ce (* 2 c)
                      w (bit-shift-right c 6)]
                  (aset bits w (bit-and (aget bits w) (bit-not (bit-shift-left 1 (bit-and c 63)))))
                  (unlift (inc ce))
                  (unlift ce)
                  (recur (aget nxt ce) (aget stack-states d) d (inc steps))))))))))
