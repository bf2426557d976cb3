(ns trustlab.campaign.core
  "The protocol-independent half of campaign generation: the bridge Java calls (a rose tree per (seed, size),
  its root as plain Java data, its children for shrinking) and small generators every protocol shares."
  (:require [clojure.test.check.generators :as gen]
            [clojure.test.check.random :as random]
            [clojure.test.check.rose-tree :as rose]))

;; ---------------------------------------------------------------------------------------------------------------
;; Bridge

(defn ->java
  "Clojure data -> the plain Java data the scenario loader reads: maps with string keys (insertion order kept),
  lists, strings, longs, doubles, booleans. Keywords become their names so generators may use them freely."
  [x]
  (cond
    (map? x) (let [m (java.util.LinkedHashMap.)]
               (doseq [[k v] x]
                 (when-not (nil? v)
                   (.put m (if (keyword? k) (name k) (str k)) (->java v))))
               m)
    (keyword? x) (name x)
    (or (vector? x) (seq? x) (set? x)) (let [l (java.util.ArrayList.)]
                                          (doseq [v x] (.add l (->java v)))
                                          l)
    (ratio? x) (double x)
    (instance? clojure.lang.BigInt x) (long x)
    (integer? x) (long x)
    :else x))

(defn tree
  "The rose tree of generator `g` at (seed, size): its root is the generated value, its children the shrinks."
  [g seed size]
  (gen/call-gen g (random/make-random (long seed)) (int size)))

(defn root-data [r] (->java (rose/root r)))

(defn children [r] (rose/children r))

;; ---------------------------------------------------------------------------------------------------------------
;; Time. Generators work in integer milliseconds (they shrink towards 0) and write durations as "<n>ms".

(defn ms
  "A duration the scenario loader reads, from milliseconds (negative for clock offsets and grant times)."
  [n]
  (str (long n) "ms"))

(defn around
  "Values at the edges of a window of `width` ms, as the validity checks see them: exactly at it, one millisecond
  either side, and a little further out. Window edges are where off-by-one and skew-tolerance bugs live."
  [width]
  (gen/elements [(- width 1) width (+ width 1) (- width 250) (+ width 250)]))

(def delay-ms
  "A short delay in ms, mostly a network's worth, sometimes seconds."
  (gen/frequency [[6 (gen/choose 0 500)] [3 (gen/choose 500 5000)] [1 (gen/choose 5000 60000)]]))

;; ---------------------------------------------------------------------------------------------------------------
;; Network profiles. Each is a named family of networks; the name goes into runs.jsonl so the report can show
;; latency and acceptance per profile. `lan` comes first so that shrinking moves towards the calmest network.

(def profile-names ["lan" "wan" "lossy" "flaky" "satellite"])

(defn- profile [name]
  (case name
    "lan" (gen/let [lo (gen/choose 1 3) extra (gen/choose 1 5)]
            {:latency {:dist "uniform" :min (ms lo) :max (ms (+ lo extra))} :loss 0.0})
    "wan" (gen/let [median (gen/choose 20 150) sigma (gen/elements [0.3 0.5 0.8]) loss (gen/elements [0.0 0.005 0.01])]
            {:latency {:dist "lognormal" :median (ms median) :sigma sigma} :loss loss})
    "lossy" (gen/let [lo (gen/choose 10 60) extra (gen/choose 10 100) loss (gen/elements [0.05 0.1 0.2 0.3])]
              {:latency {:dist "uniform" :min (ms lo) :max (ms (+ lo extra))} :loss loss})
    "flaky" (gen/let [mean (gen/choose 20 200) loss (gen/elements [0.02 0.05 0.1])
                      dup (gen/elements [0.05 0.1 0.2]) reorder (gen/elements [0.05 0.2 0.3])]
              {:latency {:dist "exponential" :mean (ms mean)} :loss loss :duplicate dup :reorder reorder
               :reorder-delay (ms (* 2 mean))})
    "satellite" (gen/let [base (gen/choose 500 2500)]
                  {:latency {:dist "constant" :value (ms base)} :loss 0.01})))

(defn network
  "A network profile over `devices`: {:name .. :spec <the scenario's network: map>}. Partitions (flaky only) split
  the devices in two for a while, which is how an offline validator looks to the rest."
  [devices]
  (gen/let [name (gen/elements profile-names)
            spec (profile name)
            split? (gen/frequency [[4 (gen/return false)] [1 (gen/return true)]])
            at (gen/choose 0 20000)
            len (gen/choose 100 30000)
            k (gen/choose 1 (max 1 (dec (count devices))))]
    {:name name
     :spec (cond-> spec
             (and split? (= name "flaky") (> (count devices) 1))
             (assoc :partitions [{:at (ms at) :heal (ms (+ at len))
                                  :groups [(vec (take k devices)) (vec (drop k devices))]}]))}))

;; ---------------------------------------------------------------------------------------------------------------
;; Clocks and availability

(defn clock
  "A device clock: mostly exact, else skewed by a little, by a lot, or right at the edge of a validity window
  (`edges`: window widths in ms, e.g. challenge lifetime plus skew tolerance), in either direction."
  [edges]
  (gen/let [kind (gen/frequency [[5 (gen/return :exact)] [3 (gen/return :small)] [2 (gen/return :edge)]
                                 [1 (gen/return :large)]])
            small (gen/choose 1 5000)
            edge (gen/bind (gen/elements (if (seq edges) edges [30000])) around)
            large (gen/choose 60000 3600000)
            negative? gen/boolean
            drift (gen/frequency [[4 (gen/return 0)] [1 (gen/choose -200 200)]])]
    (let [offset (case kind :exact 0 :small small :edge edge :large large)
          offset (if negative? (- offset) offset)]
      (when (or (not= 0 offset) (not= 0 drift))
        {:offset (ms offset) :drift-ppm drift}))))

(defn online
  "Online windows for a device that goes offline with probability `p`: online until `from`, offline for a while,
  then online again (or never, sometimes). nil means always online."
  [p]
  (gen/let [off? (if (pos? p)
                   (gen/frequency [[(max 1 (long (* 100 (- 1 p)))) (gen/return false)]
                                   [(max 1 (long (* 100 p))) (gen/return true)]])
                   (gen/return false))
            from (gen/choose 1 30000)
            len (gen/frequency [[3 (gen/choose 100 10000)] [2 (gen/choose 10000 120000)]])
            back? (gen/frequency [[5 (gen/return true)] [1 (gen/return false)]])]
    (when off?
      (if back?
        [{:from "0ms" :to (ms from)} {:from (ms (+ from len))}]
        [{:from "0ms" :to (ms from)}]))))

;; ---------------------------------------------------------------------------------------------------------------
;; Anchored times. Crashes and attacker steps are generated relative to a user action (the k-th one), so that
;; "crash while a challenge is outstanding" or "replay after the second join" stay meaningful while shrinking
;; moves and removes actions. `resolve-at` turns {:anchor k :delay d} into an absolute :at.

(defn anchored
  "An anchor: the index of an action (taken modulo their number) and a delay after it in ms."
  ([] (anchored delay-ms))
  ([delay-gen]
   (gen/let [k (gen/choose 0 3) d delay-gen]
     {:anchor k :delay d})))

(defn resolve-at
  "Absolute time in ms of an anchored thing, given the actions' times in ms (sorted by generation order)."
  [action-times {:keys [anchor delay]}]
  (if (seq action-times)
    (+ (nth action-times (mod anchor (count action-times))) delay)
    delay))

;; ---------------------------------------------------------------------------------------------------------------
;; Attacker steps every protocol shares. `match` is a {:from :to :tag} map; `devices` are the candidates for
;; redirections and replays to another device.

(defn intercept
  "One of the simulator's intercepting ops (drop, delay, duplicate, reorder, redirect, tamper) on `match`.
  `delay-edges` are the validity-window widths a delay should straddle."
  [match devices delay-edges]
  (gen/let [op (gen/elements ["drop" "delay" "duplicate" "reorder" "redirect" "tamper"])
            count (gen/frequency [[5 (gen/return 1)] [1 (gen/choose 2 4)]])
            by (gen/frequency [[2 delay-ms] [3 (gen/bind (gen/elements (if (seq delay-edges) delay-edges [1000])) around)]])
            to (gen/elements devices)
            flip (gen/frequency [[3 (gen/return "random")] [1 (gen/choose 0 2047)]])
            field (gen/choose 0 8)
            substitute? gen/boolean]
    (merge {:op op :match match :count count}
           (case op
             "drop" {}
             "delay" {:by (ms by)}
             "duplicate" {:after (ms by)}
             "reorder" {:max-hold (ms (max 1 by))}
             "redirect" {:to to}
             "tamper" (if substitute?
                        {:substitute {:field field :copy-from "last"}}
                        {:flip flip})))))

(defn replay
  "Re-sends an earlier message matching `match`, to its recipient or to another device."
  [match devices]
  (gen/let [other? (gen/frequency [[3 (gen/return false)] [1 (gen/return true)]])
            to (gen/elements devices)]
    (cond-> {:op "replay" :match match}
      other? (assoc :to to))))

(defn random-strategy
  "The simulator's own randomized attacker: a rate and a set of ops drawn from all it offers."
  [ops]
  (gen/let [rate (gen/elements [0.05 0.1 0.2 0.4])
            chosen (gen/not-empty (gen/set (gen/elements ops)))
            max-delay (gen/elements [1000 5000 35000])]
    {:strategy "random" :random {:rate rate :ops (vec (sort chosen)) :max-delay (ms max-delay)}}))

;; ---------------------------------------------------------------------------------------------------------------
;; Templates. Attack moves are written against placeholders ("$victim", "$validator", "$session",
;; "$other-session") that `fill` resolves against the user action the move is anchored to, so a move stays aimed
;; at the run it attacks while shrinking changes that run. `rename` maps devices absent from the topology to the
;; ones standing in for them.

(defn walk-strings
  "Applies f to every string in nested maps and vectors (map keys included)."
  [f x]
  (cond
    (map? x) (into (empty x) (map (fn [[k v]] [(walk-strings f k) (walk-strings f v)]) x))
    (vector? x) (mapv #(walk-strings f %) x)
    (string? x) (f x)
    :else x))

(defn replace-words
  "Replaces whole-word occurrences of the keys of `m` in s (device names inside \"for:phone\" or \"phone@1\")."
  [m s]
  (reduce (fn [acc [from to]]
            (clojure.string/replace acc (re-pattern (str "(?<![A-Za-z0-9$])" (java.util.regex.Pattern/quote from)
                                                         "(?![A-Za-z0-9])"))
                                    (java.util.regex.Matcher/quoteReplacement to)))
          s m))

(defn fill [bindings x]
  (walk-strings #(replace-words bindings %) x))

(defn place
  "Turns anchored items ({:anchor k :delay d}) into items with an absolute :at (never before 0)."
  [action-times item]
  (-> item
      (assoc :at (ms (max 0 (resolve-at action-times item))))
      (dissoc :anchor :delay)))
