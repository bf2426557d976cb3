(ns trustlab.campaign.core
  "The protocol-independent half of campaign generation: the bridge Java calls (a rose tree per (seed, size), its
  root as plain Java data, its children for shrinking) and the generators every protocol shares: network profiles,
  clocks, offline windows, anchored times, window edges and the simulator's attacker ops.

  Shrinking is test.check's: a protocol's generator is a `hash-map-of` (test.check's `hash-map`) of independent
  parts (attack plan, actions, faults, topology, settings, network, clocks) assembled by one `fmap`, so each part
  shrinks on its own, plans and action lists first. Dependencies between parts are resolved at assembly: times
  anchored to actions, placeholders aimed at the anchored run, window edges named symbolically and sized from the
  settings drawn."
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
;; Binding. test.check's `bind` and `let`, the very same generators (the same split of the random number generator,
;; the same draws and rose trees), written out: test.check's `bind` builds two generators and their closures for
;; every value drawn, and a `let` binds once per binding.

(defn bind
  "test.check's `gen/bind`: a value of g, then one of the generator (f value)."
  [g f]
  (gen/->Generator
   (fn [rnd size]
     (let [[r1 r2] (random/split rnd)]
       (rose/join (rose/fmap #(gen/call-gen (f %) r2 size) (gen/call-gen g r1 size)))))))

(defmacro let-gen
  "test.check's `gen/let` (bindings to generators, a value or generator as the body), binding with `bind`."
  [bindings & body]
  (assert (vector? bindings) "First arg to let-gen must be a vector of bindings.")
  (assert (even? (count bindings)) "let-gen requires an even number of forms in binding vector")
  (if (empty? bindings)
    `(let [v# (do ~@body)]
       (if (gen/generator? v#) v# (gen/return v#)))
    (let [[binding g & more] bindings]
      `(bind ~g (fn [~binding] (let-gen [~@more] ~@body))))))

;; ---------------------------------------------------------------------------------------------------------------
;; Fixed shapes. test.check's `tuple`, fixed-count `vector` and `hash-map`, the very same generators (the same draws,
;; values and shrink trees), with their generators held in a vector: test.check counts its argument sequence and
;; goes through `gen-fmap` for every value, which showed in campaign profiles.

(defn tuple
  "test.check's `gen/tuple`: a vector of one value from each generator, each shrinking on its own."
  [& gens]
  (let [gens (vec gens)
        n (count gens)]
    (assert (every? gen/generator? gens) "Args to tuple must be generators")
    (gen/->Generator
     (fn [rnd size]
       (let [rnds (random/split-n rnd n)
             roses (loop [i 0 acc (transient [])]
                     (if (< i n)
                       (recur (inc i) (conj! acc (gen/call-gen (nth gens i) (nth rnds i) size)))
                       (persistent! acc)))]
         ;; (rose/zip vector roses), its root built without `apply`
         (rose/make-rose (mapv rose/root roses)
                         (map #(rose/zip vector %) (rose/permutations roses))))))))

(defn fixed-vector
  "test.check's `(gen/vector g n)`: exactly n values of g."
  [g n]
  (apply tuple (repeat n g)))

(defn hash-map-of
  "test.check's `gen/hash-map`: keys to values of their generators."
  [& kvs]
  (assert (even? (count kvs)))
  (let [ks (vec (take-nth 2 kvs))]
    (gen/fmap #(zipmap ks %) (apply tuple (take-nth 2 (rest kvs))))))

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

(def ^:private choose-root
  "The value at the root of `(gen/choose lower upper)`'s rose tree for `rnd`: test.check's own draw, (rnd lower
  upper) -> long, taken from it rather than copied so that it cannot drift from `gen/choose`."
  @#'gen/rand-range)

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
    (let [upper (dec total)]
      ;; What test.check's `(gen/gen-bind (gen/choose 0 upper) (fn [x] (gen/gen-fmap make-shrinks (chosen x))))`
      ;; computes, written out: the same split of the random number generator, the same draws and the same rose
      ;; tree, without building two generators and their closures for every value drawn. Only the root of the
      ;; index's rose tree is used, so it is drawn as `gen/choose` draws it, without the tree.
      (gen/->Generator
       (fn [rnd size]
         (let [[r1 r2] (random/split rnd)
               idx (pick weights (choose-root r1 0 upper))
               r (gen/call-gen (second (nth pairs idx)) r2 size)]
           (rose/make-rose (rose/root r)
                           (lazy-seq
                            (concat
                             ;; try to shrink to earlier generators first
                             (for [i (range idx)]
                               (gen/call-gen (second (nth pairs i)) rnd size))
                             (rose/children r))))))))))

;; ---------------------------------------------------------------------------------------------------------------
;; Time. Generators work in integer milliseconds (they shrink towards 0) and write durations as "<n>ms".

(defn ms
  "A duration the scenario loader reads, from milliseconds (negative for clock offsets and grant times)."
  [n]
  (str (long n) "ms"))

;; ---------------------------------------------------------------------------------------------------------------
;; The liveness phase. Most generated scenarios have one, so that campaigns judge denial, disagreement and queue
;; liveness after it: from 10 s after the last scheduled event (action, attack step, crash or restart) the faults
;; and the attacker stop, and every exchange must be decided within 60 s. A scenario's end leaves room for it.

(def quiesce? (frequency [[9 (gen/return true)] [1 (gen/return false)]]))

(def quiesce-end-ms
  "How long after the last scheduled event a scenario with a liveness phase runs: the phase's start and bound."
  90000)

(defn quiesce
  "The liveness phase of a scenario whose last scheduled event is at `last-ms`."
  [last-ms]
  {:at (ms (+ last-ms 10000)) :within (ms 60000)})

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

(defn- walk-map
  "What `(rebuild-map m kf vf)` builds, sharing m and its unchanged values: walks over scenario parts change few
  strings, and rebuilding every map they pass through was most of their cost. A changed value is assoc'ed in its
  place (the entry keeps its position); a changed key, which would move, falls back to the rebuild."
  [m kf vf]
  (let [r (reduce-kv (fn [acc k v]
                       (if (identical? k (kf k))
                         (let [v2 (vf v)] (if (identical? v v2) acc (assoc acc k v2)))
                         (reduced ::rebuild)))
                     m m)]
    (if (identical? r ::rebuild) (rebuild-map m kf vf) r)))

(defn- update-vals* [m vf] (walk-map m identity vf))

(def edge
  "A point at the edge of a validity window, named rather than sized (the window's width is drawn elsewhere):
  [:edge window delta-ms]. Exactly at the edge, one millisecond either side, a little further out: where
  off-by-one and skew-tolerance bugs live. `resolve-edges` sizes them."
  (let-gen [w (gen/elements [:window :ttl :tolerance])
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
    "lan" (let-gen [lo (gen/choose 1 3) extra (gen/choose 1 5)]
            {:latency {:dist "uniform" :min (ms lo) :max (ms (+ lo extra))} :loss 0.0})
    "wan" (let-gen [median (gen/choose 20 150) sigma (gen/elements [0.3 0.5 0.8]) loss (gen/elements [0.0 0.005 0.01])]
            {:latency {:dist "lognormal" :median (ms median) :sigma sigma} :loss loss})
    "lossy" (let-gen [lo (gen/choose 10 60) extra (gen/choose 10 100) loss (gen/elements [0.05 0.1 0.2 0.3])]
              {:latency {:dist "uniform" :min (ms lo) :max (ms (+ lo extra))} :loss loss})
    "flaky" (let-gen [mean (gen/choose 20 200) loss (gen/elements [0.02 0.05 0.1])
                      dup (gen/elements [0.05 0.1 0.2]) reorder (gen/elements [0.05 0.2 0.3])]
              {:latency {:dist "exponential" :mean (ms mean)} :loss loss :duplicate dup :reorder reorder
               :reorder-delay (ms (* 2 mean))})
    "satellite" (let-gen [base (gen/choose 500 2500)]
                  {:latency {:dist "constant" :value (ms base)} :loss 0.01})))

(def network
  "A network profile: {:name .. :spec <the scenario's network: map> :split ..}. A flaky network may split in two
  for a while (`partitioned` places the split over the devices present)."
  (let-gen [name (gen/elements profile-names)
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
  (gen/fmap (fn [[o negative? d]] {:offset o :negative negative? :drift-ppm d}) (tuple offset gen/boolean drift)))

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
  (tuple (gen/choose 1 30000)
         (frequency [[3 (gen/choose 100 10000)] [2 (gen/choose 10000 120000)]])
         (frequency [[5 (gen/return true)] [1 (gen/return false)]])))

(def availability
  "When a device is offline: a draw compared with the scenario's offline probability at assembly (so the
  probability is one knob the statistics can plot against), and the window it would be offline for, drawn only
  when some offline probability could use it (a draw costs a rose tree)."
  (bind (gen/choose 0 99)
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
    (map? x) (walk-map x #(walk-strings f %) #(walk-strings f %))
    (vector? x) (mapv #(walk-strings f %) x)
    :else x))

;; The simulator refuses a forgery signed with a key the attacker does not hold at the step's time (it once signed
;; with the attacker's own key instead, silently). A generated plan can combine a signature in a device's name with
;; no compromise of that key, or one too late: such a step signs as the attacker, the very bytes the simulator used
;; to substitute, so campaigns find what they found before and every scenario they write loads.
(defn honest-signers
  "`steps` (with :at-ms) with each inject's :sign-with that names a key the attacker lacks at that time (not a device
  in `controlled`, no entry of `compromise` for that device and generation at or before the step) made `attacker`."
  [steps compromise controlled]
  (letfn [(held? [who at]
            (let [[device g] (str/split who #"@" 2)
                  generation (if g (Long/parseLong g) 0)]
              (or (contains? controlled device)
                  (some #(and (= device (:device %)) (= generation (long (:generation % 0)))
                              (<= (long (:at-ms % 0)) (long at)))
                        compromise))))]
    (mapv (fn [st]
            (let [who (get-in st [:message :sign-with])]
              (if (and (= "inject" (:op st)) (string? who) (not= "attacker" who) (not (held? who (:at-ms st 0))))
                (assoc-in st [:message :sign-with] "attacker")
                st)))
          steps)))

(defn mentions?
  "Whether `s` occurs in a string, keyword or symbol anywhere in nested maps and sequences (map keys included):
  what searching x's printed form for `s` finds, when `s` is a plain word, without printing x."
  [^String s x]
  (cond
    (string? x) (.contains ^String x s)
    (map? x) (reduce-kv (fn [_ k v] (if (or (mentions? s k) (mentions? s v)) (reduced true) false)) false x)
    (or (sequential? x) (set? x)) (boolean (some #(mentions? s %) x))
    (or (keyword? x) (symbol? x)) (.contains (str x) s)
    :else false))

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
  (let-gen [op (gen/elements ["drop" "delay" "duplicate" "reorder" "redirect" "tamper"])
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
  (let-gen [other? (frequency [[3 (gen/return false)] [1 (gen/return true)]])
            to (gen/elements devices)]
    (cond-> {:op "replay" :match match}
      other? (assoc :to to))))

(defn random-strategy
  "The simulator's own randomized attacker: a rate and a set of ops drawn from all it offers."
  [ops]
  (let-gen [rate (gen/elements [0.05 0.1 0.2 0.4])
            chosen (gen/not-empty (gen/set (gen/elements ops)))
            max-delay (gen/elements [1000 5000 35000])]
    {:strategy "random" :random {:rate rate :ops (vec (sort chosen)) :max-delay (ms max-delay)}}))
