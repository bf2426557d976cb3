(ns trustlab.campaign.core
  "The protocol-independent half of campaign generation: the bridge Java calls (a rose tree per (seed, size), its
  root as plain Java data, its children for shrinking) and the generators every protocol shares: network profiles,
  clocks, offline windows, anchored times, window edges and the simulator's attacker ops.

  Shrinking is test.check's: a protocol's generator is a `gen/hash-map` of independent parts (attack plan, actions,
  faults, topology, settings, network, clocks) assembled by one `fmap`, so each part shrinks on its own, plans and
  action lists first. Dependencies between parts are resolved at assembly: times anchored to actions, placeholders
  aimed at the anchored run, window edges named symbolically and sized from the settings drawn."
  (:require [clojure.string :as str]
            [clojure.test.check.generators :as gen]
            [clojure.test.check.random :as random]
            [clojure.test.check.rose-tree :as rose]))

;; ---------------------------------------------------------------------------------------------------------------
;; Bridge

(defn ->java
  "Clojure data -> the plain Java data the scenario loader reads: maps with string keys (insertion order kept),
  lists, strings, longs, doubles, booleans. Keywords become their names so generators may use them freely."
  [x]
  (cond
    (string? x) x
    (map? x) (let [m (java.util.LinkedHashMap.)]
               (reduce-kv (fn [_ k v]
                            (when-not (nil? v)
                              (.put m (if (keyword? k) (name k) (str k)) (->java v))))
                          nil x)
               m)
    (keyword? x) (name x)
    (or (vector? x) (seq? x) (set? x)) (let [l (java.util.ArrayList.)]
                                          (reduce (fn [_ v] (.add l (->java v)) nil) nil x)
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
;; Weighted choice

(defn- pick
  "The index whose weight interval holds n: how many running sums of `weights` are <= n (test.check's `pick`,
  without its lazy sequences)."
  [weights n]
  (let [k (count weights)]
    (loop [i 0 acc 0]
      (if (< i k)
        (let [acc (+ acc (nth weights i))]
          (if (<= acc n) (recur (inc i) acc) i))
        i))))

(defn frequency
  "test.check's `gen/frequency`, the very same generator (the same draws, values and shrink tree), with the pairs
  held in a vector and the pick a loop: test.check's lazy `pick` ran for every choice and showed in campaign
  profiles. Shrinks toward earlier generators, then within the chosen one."
  [pairs]
  ;; built anew for each value by generators bound after the first in a `gen/let`: checked and indexed in one pass
  (let [all (vec pairs)
        n (count all)
        [pairs weights total]
        (loop [i 0 ps [] ws [] total 0]
          (if (< i n)
            (let [[x g :as p] (nth all i)]
              (assert (and (number? x) (gen/generator? g))
                      "Arg to frequency must be a list of [num generator] pairs")
              (if (pos? x)
                (recur (inc i) (conj ps p) (conj ws x) (+ total x))
                (recur (inc i) ps ws total)))
            [ps ws total]))]
    (assert (seq pairs) "frequency must be called with at least one non-zero weight")
    (let [index (gen/choose 0 (dec total))]
      (gen/->Generator
       (fn [rnd size]
         (gen/call-gen
          (gen/gen-bind index
                        (fn [x]
                          (let [idx (pick weights (rose/root x))]
                            (gen/gen-fmap (fn [r]
                                            (rose/make-rose (rose/root r)
                                                            (lazy-seq
                                                             (concat
                                                              ;; try to shrink to earlier generators first
                                                              (for [idx (range idx)]
                                                                (gen/call-gen (second (nth pairs idx)) rnd size))
                                                              (rose/children r)))))
                                          (second (nth pairs idx))))))
          rnd size))))))

;; ---------------------------------------------------------------------------------------------------------------
;; Time. Generators work in integer milliseconds (they shrink towards 0) and write durations as "<n>ms".

(defn ms
  "A duration the scenario loader reads, from milliseconds (negative for clock offsets and grant times)."
  [n]
  (str (long n) "ms"))

(def delay-ms
  "A short delay in ms, mostly a network's worth, sometimes seconds."
  (frequency [[6 (gen/choose 0 500)] [3 (gen/choose 500 5000)] [1 (gen/choose 5000 60000)]]))

;; Rebuilding maps in one pass (transient where the map allows it), in the map's own iteration order: what
;; `(into (empty m) (map (fn [[k v]] [(kf k) (vf v)]) m))` builds, without the intermediate entries.
(defn- rebuild-map [m kf vf]
  (let [e (empty m)]
    (if (instance? clojure.lang.IEditableCollection e)
      (persistent! (reduce-kv (fn [acc k v] (assoc! acc (kf k) (vf v))) (transient e) m))
      (reduce-kv (fn [acc k v] (assoc acc (kf k) (vf v))) e m))))

(defn- update-vals* [m vf] (rebuild-map m identity vf))

(def edge
  "A point at the edge of a validity window, named rather than sized (the window's width is drawn elsewhere):
  [:edge window delta-ms]. Exactly at the edge, one millisecond either side, a little further out: where
  off-by-one and skew-tolerance bugs live. `resolve-edges` sizes them."
  (gen/let [w (gen/elements [:window :ttl :tolerance])
            delta (gen/elements [0 1 -1 250 -250])]
    [:edge w delta]))

(defn edge? [x] (and (vector? x) (= :edge (first x))))

(defn resolve-edges
  "Replaces [:edge window delta] markers by durations, given the window widths in ms ({:window .. :ttl ..})."
  [widths x]
  (cond
    (edge? x) (let [[_ w delta] x] (ms (max 0 (+ (get widths w 0) delta))))
    (map? x) (update-vals* x #(resolve-edges widths %))
    (vector? x) (mapv #(resolve-edges widths %) x)
    :else x))

(def duration
  "A delay for delay, duplicate and reorder steps: a network's worth, or straddling a validity window's edge."
  (frequency [[2 (gen/fmap ms delay-ms)] [3 edge]]))

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

(def network
  "A network profile: {:name .. :spec <the scenario's network: map> :split ..}. A flaky network may split in two
  for a while (`partitioned` places the split over the devices present)."
  (gen/let [name (gen/elements profile-names)
            spec (profile name)
            split? (frequency [[4 (gen/return false)] [1 (gen/return true)]])
            at (gen/choose 0 20000)
            len (gen/choose 100 30000)
            k (gen/choose 1 4)]
    {:name name :spec spec :split (when (and split? (= name "flaky")) {:at at :len len :k k})}))

(defn partitioned
  "The network's scenario map over `devices`: with its split (if any) as a partition of the first k devices from
  the others."
  [{:keys [spec split]} devices]
  (let [k (when split (min (:k split) (dec (count devices))))]
    (cond-> spec
      (and split (pos? k))
      (assoc :partitions [{:at (ms (:at split)) :heal (ms (+ (:at split) (:len split)))
                           :groups [(vec (take k devices)) (vec (drop k devices))]}]))))

;; ---------------------------------------------------------------------------------------------------------------
;; Clocks and availability

(def ^:private drift
  "A clock's drift in ppm: mostly none."
  (frequency [[4 (gen/return 0)] [1 (gen/choose -200 200)]]))

(defn- skewed
  "A clock set off by `offset` ms, ahead or behind, maybe drifting."
  [offset]
  (gen/fmap (fn [[o negative? d]] {:offset o :negative negative? :drift-ppm d}) (gen/tuple offset gen/boolean drift)))

(def clock
  "A device clock: mostly exact, else skewed by a little, by a lot, or right at the edge of a validity window, in
  either direction, sometimes drifting. Edge offsets are markers sized at assembly; nil is an exact clock. Each kind
  draws only what it uses (a draw costs a rose tree), and shrinks towards the exact clock."
  (frequency [[5 (gen/fmap (fn [d] (when-not (zero? d) {:offset 0 :negative false :drift-ppm d})) drift)]
              [3 (skewed (gen/choose 1 5000))]
              [2 (skewed edge)]
              [1 (skewed (gen/choose 60000 3600000))]]))

(defn clock-entry
  "The scenario's clock: map of a generated clock, with its edge sized from `widths`."
  [widths c]
  (when c
    (let [magnitude (if (edge? (:offset c))
                      (let [[_ w delta] (:offset c)] (max 0 (+ (get widths w 0) delta)))
                      (:offset c))]
      {:offset (ms (if (:negative c) (- magnitude) magnitude)) :drift-ppm (:drift-ppm c)})))

(def max-offline-percent
  "The largest offline probability a generator draws, in percent: an availability draw at or above it never takes a
  device offline, so its window is not drawn."
  30)

(def ^:private offline-window
  "From when (ms) and for how long a device is away, and whether it comes back."
  (gen/tuple (gen/choose 1 30000)
             (frequency [[3 (gen/choose 100 10000)] [2 (gen/choose 10000 120000)]])
             (frequency [[5 (gen/return true)] [1 (gen/return false)]])))

(def availability
  "When a device is offline: a draw compared with the scenario's offline probability at assembly (so the
  probability is one knob the statistics can plot against), and the window it would be offline for, drawn only
  when some offline probability could use it (a draw costs a rose tree)."
  (gen/bind (gen/choose 0 99)
            (fn [draw]
              (if (< draw max-offline-percent)
                (gen/fmap (fn [[from len back?]] {:draw draw :from from :len len :back back?}) offline-window)
                (gen/return {:draw draw})))))

(defn online
  "Online windows for a device given its availability draw and the offline probability p; nil: always online."
  [{:keys [draw from len back]} p]
  (when (< draw (* 100 p))
    (if back
      [{:from "0ms" :to (ms from)} {:from (ms (+ from len))}]
      [{:from "0ms" :to (ms from)}])))

;; ---------------------------------------------------------------------------------------------------------------
;; Anchored times. Faults and attacker steps are generated relative to a user action (the k-th one), so that
;; "crash while a challenge is outstanding" or "replay after the second join" stay meaningful while shrinking
;; moves and removes actions.

(def anchor
  "Which action a move aims at: mostly the first."
  (frequency [[5 (gen/return 0)] [2 (gen/choose 1 3)]]))

(defn resolve-at
  "Absolute time in ms of an anchored thing, given the actions' times in ms (in generation order)."
  [action-times {:keys [anchor delay]}]
  (max 0 (if (seq action-times)
           (+ (nth action-times (mod anchor (count action-times))) delay)
           delay)))

;; ---------------------------------------------------------------------------------------------------------------
;; Templates. Attack moves are written against placeholders ("$victim", "$validator", ...) that `fill` resolves
;; against the action the move is anchored to; `fill` also maps devices absent from the topology onto the ones
;; standing in for them.

(defn walk-strings
  "Applies f to every string in nested maps and vectors (map keys included)."
  [f x]
  (cond
    (string? x) (f x)
    (map? x) (rebuild-map x #(walk-strings f %) #(walk-strings f %))
    (vector? x) (mapv #(walk-strings f %) x)
    :else x))

(def ^:private token #"\$?[A-Za-z0-9][A-Za-z0-9-]*")

(defn- word-char? [c]
  (let [c (char c)]
    (or (and (>= (int c) (int \a)) (<= (int c) (int \z)))
        (and (>= (int c) (int \A)) (<= (int c) (int \Z)))
        (and (>= (int c) (int \0)) (<= (int c) (int \9))))))

(defn- one-token?
  "Whether the whole of s is one word as `token` matches it (so a replacement of s's words is a lookup of s)."
  [^String s]
  (let [n (.length s)
        start (if (and (pos? n) (= \$ (.charAt s 0))) 1 0)]
    (and (< start n)
         (word-char? (.charAt s start))
         (loop [i (inc start)]
           (or (>= i n)
               (let [c (.charAt s i)]
                 (and (or (= c \-) (word-char? c)) (recur (inc i)))))))))

(defn- mentions-key?
  "Whether some string key of m occurs in s: a word of s can be a key only if it does."
  [m ^String s]
  (reduce-kv (fn [_ k _] (if (and (string? k) (.contains s ^String k)) (reduced true) false)) false m))

(defn replace-words
  "Replaces the whole words of s that are keys of `m` (device names inside \"for:phone\" or \"phone@1\", and
  placeholders like \"$victim\")."
  [m s]
  (cond
    (empty? m) s
    ;; fast paths, same result as the regex: no key in s, or s a single word
    (not (mentions-key? m s)) s
    (one-token? s) (get m s s)
    :else (str/replace s token (fn [w] (get m w w)))))

(defn fill [bindings x]
  (walk-strings #(replace-words bindings %) x))

(defn fill-both
  "(fill second-bindings (fill first-bindings x)) in one walk, then `f` on each string."
  ([first-bindings second-bindings x] (fill-both first-bindings second-bindings identity x))
  ([first-bindings second-bindings f x]
   (walk-strings #(f (replace-words second-bindings (replace-words first-bindings %))) x)))

;; ---------------------------------------------------------------------------------------------------------------
;; The simulator's attacker ops. `match` is a {:from :to :tag} map; `devices` are candidates for redirections and
;; replays to another device.

(defn intercept
  "One of the simulator's intercepting ops (drop, delay, duplicate, reorder, redirect, tamper) on `match`."
  [match devices]
  (gen/let [op (gen/elements ["drop" "delay" "duplicate" "reorder" "redirect" "tamper"])
            count (frequency [[5 (gen/return 1)] [1 (gen/choose 2 4)]])
            by duration
            to (gen/elements devices)
            flip (frequency [[3 (gen/return "random")] [1 (gen/choose 0 2047)]])
            field (gen/choose 0 8)
            substitute? gen/boolean]
    (merge {:op op :match match :count count}
           (case op
             "drop" {}
             "delay" {:by by}
             "duplicate" {:after by}
             "reorder" {:max-hold by}
             "redirect" {:to to}
             "tamper" (if substitute?
                        {:substitute {:field field :copy-from "last"}}
                        {:flip flip})))))

(defn replay
  "Re-sends an earlier message matching `match`, to its recipient or to another device."
  [match devices]
  (gen/let [other? (frequency [[3 (gen/return false)] [1 (gen/return true)]])
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
