(ns trustlab.campaign.ping
  "Scenarios for the simulator's demo ping protocol. Not part of `--protocol all`; it gives the campaign machinery an
  end-to-end test on the real simulator that does not depend on any trust protocol."
  (:require [clojure.test.check.generators :as gen]
            [trustlab.campaign.core :as c]))

(def nodes ["a" "b" "c"])

;; The one validity window of ping: the pong timeout each node is configured with.
(def widths {:window 10000 :ttl 10000 :tolerance 0})

(def ping-action
  (gen/let [from (gen/elements nodes)
            to (gen/elements nodes)
            n (gen/choose 1 3)
            interval (gen/choose 100 3000)
            at (gen/choose 0 20000)]
    {:at-ms at :device from :action "ping"
     :args {:to (if (= from to) (first (remove #{from} nodes)) to) :count (str n) :interval (c/ms interval)}}))

(defn- step [ctx]
  (gen/frequency
   [[3 (gen/let [m (gen/elements [{:tag "pong"} {:tag "ping"} {}])
                 s (c/intercept m nodes)
                 at (gen/choose 0 20000)]
         (assoc s :at-ms at))]
    [2 (gen/let [r (c/replay {:tag "pong"} nodes) at (gen/choose 0 30000)]
         (assoc r :at-ms at))]
    [1 (gen/let [m (gen/elements (:forgery-menu ctx)) to (gen/elements nodes) at (gen/choose 0 30000)]
         {:op "inject" :to to :from "attacker" :message m :at-ms at})]]))

(defn scenario [ctx]
  (let [ctx {:forgery-menu (vec (map #(into {} %) (get ctx "forgery-menu"))) :ops (vec (get ctx "ops"))}]
    (gen/let [net c/network
              clocks (gen/vector c/clock 3)
              actions (gen/vector ping-action 1 3)
              steps (gen/vector (step ctx) 0 3)]
      {:scenario {:end "2m"
                  :devices (vec (for [[n clk] (map vector nodes clocks)]
                                  (cond-> {:name n :role "node" :config {:timeout "10s"}}
                                    clk (assoc :clock (c/clock-entry widths clk)))))
                  :network (c/partitioned net nodes)
                  :actions (mapv #(-> % (assoc :at (c/ms (:at-ms %))) (dissoc :at-ms)) actions)
                  :attacker (if (seq steps)
                              {:strategy "scripted"
                               :steps (c/resolve-edges widths
                                                       (mapv #(-> % (assoc :at (c/ms (:at-ms %))) (dissoc :at-ms)) steps))}
                              {:strategy "none"})}
       :meta {:network (:name net) :loss (get-in net [:spec :loss] 0.0) :offline-probability 0.0}})))
