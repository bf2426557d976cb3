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
