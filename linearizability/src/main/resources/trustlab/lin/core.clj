(ns trustlab.lin.core
  "The checker's entry: preprocess a history, split it into independent partitions (P-compositionality:
  linearizability is local, so operations on different `:key`s are checked apart), search the partitions in
  parallel, and combine their verdicts. The first partition found not linearizable cancels the others."
  (:require [trustlab.lin.history :as h]
            [trustlab.lin.models :as m]
            [trustlab.lin.wgl :as wgl])
  (:import (java.util.concurrent Callable ExecutorService Executors Future ThreadFactory)
           (java.util.concurrent.atomic AtomicBoolean AtomicInteger)))

(set! *warn-on-reflection* true)

(defn partitions
  "Calls grouped by the operation's :key (in order of first appearance); one group when no operation has a key.
  Crashed calls that cannot change the state are dropped first: they may be linearized anywhere or never."
  [model calls]
  (let [calls (remove #(and (nil? (:ret %)) (m/read-only? model (:op %))) calls)]
    (if (some #(contains? (:op %) :key) calls)
      (let [groups (group-by #(get-in % [:op :key]) calls)]
        (mapv (fn [k] [k (get groups k)]) (distinct (map #(get-in % [:op :key]) calls))))
      [[nil (vec calls)]])))

(def ^:private pool
  "Threads for partitions, kept between checks (starting threads costs more than checking a small partition);
  daemons, so they never keep the JVM alive."
  (delay (Executors/newCachedThreadPool
           (reify ThreadFactory
             (newThread [_ r] (doto (Thread. ^Runnable r "trustlab-lin") (.setDaemon true)))))))

(defn- explain
  "The failing partition's deepest point as operations of the original history (with their source lines)."
  [history calls result k]
  (let [op-of (fn [c] (let [{:keys [op call ret]} (nth calls c)]
                        {:invoke (nth history call) :completion (when ret (nth history ret)) :index call
                         :op op}))]
    {:key k
     :stuck (op-of (:stuck result))
     :pending (mapv op-of (remove #(= % (:stuck result)) (:pending result)))
     :linearized (count (:linearized result))
     :last-linearized (mapv op-of (take-last 3 (:linearized result)))
     :states (:states result)}))

(defn check
  "Checks `history` (operation maps) against `model`. Options: :time-limit-nanos, :budget-bytes (for all partitions
  together), :jobs. Returns {:valid? true|false|:unknown, :reason, :window, :configs, :partitions, :calls}."
  [history model {:keys [time-limit-nanos budget-bytes jobs]}]
  (let [calls (h/sorted-calls history)
        parts (partitions model calls)
        jobs (max 1 (min (long jobs) (count parts)))
        cancel (AtomicBoolean.)
        limits {:deadline-nanos (+ (System/nanoTime) (long time-limit-nanos))
                :budget-bytes (quot (long budget-bytes) jobs)
                :cancel cancel}
        run (fn [[k part]]
              (let [r (try (wgl/search model part limits)
                           (catch OutOfMemoryError _
                             {:valid? :unknown :reason "out of memory (the heap is smaller than the budget)"
                              :configs 0}))]
                (when (false? (:valid? r)) (.set cancel true))
                (cond-> r (false? (:valid? r)) (assoc :window (explain history part r k)))))
        ;; largest partitions first, so one long search does not start last
        order (sort-by (comp - count second) parts)
        results (if (= 1 jobs)
                  (mapv run order)
                  ;; `jobs` workers on the shared pool take partitions in turn
                  (let [^objects slots (object-array (count order))
                        next-part (AtomicInteger. 0)
                        work (fn []
                               (loop []
                                 (let [i (.getAndIncrement next-part)]
                                   (when (< i (count order))
                                     (aset slots i (run (nth order i)))
                                     (recur)))))
                        futures (mapv (fn [_] (.submit ^ExecutorService @pool ^Callable work)) (range jobs))]
                    (doseq [^Future f futures] (.get f))
                    (vec slots)))
        invalid (first (filter #(false? (:valid? %)) results))
        unknown (first (filter #(and (= :unknown (:valid? %)) (not (.startsWith ^String (:reason %) "cancelled")))
                               results))
        summary {:configs (reduce + (map :configs results)) :partitions (count parts) :calls (count calls)}]
    (merge summary
           (cond invalid {:valid? false :window (:window invalid)}
                 unknown {:valid? :unknown :reason (:reason unknown)}
                 :else {:valid? true}))))
