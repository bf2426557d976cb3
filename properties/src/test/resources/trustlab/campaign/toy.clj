(ns trustlab.campaign.toy
  "A toy scenario generator for the campaign machinery's own tests: a list of loads whose sum the fake backend
  checks, so a failing run has a known minimal counterexample."
  (:require [clojure.test.check.generators :as gen]))

(defn scenario [_ctx]
  (gen/let [loads (gen/vector (gen/choose 0 60) 0 8)
            network (gen/elements ["lan" "wan" "lossy"])]
    {:scenario {:loads loads}
     :meta {:network network :loss (if (= network "lossy") 0.1 0.0) :offline-probability 0.0}}))
