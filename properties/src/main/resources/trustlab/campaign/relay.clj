(ns trustlab.campaign.relay
  "Scenarios for the signaling relay's TOFU registration slots: one relay, one owner, two agents of that owner (and
  sometimes a third whose owner id is not a key), registering while an attacker who knows the slot names squats,
  races, guesses, replaces and floods. Each run follows one plan, so that every attack is drawn often enough for a
  small campaign to reach it: a squat before the agent, a squat racing the agent's registration, short and full
  guesses and replacements of a held slot, a flood that evicts the agent's slot before someone claims it again, and a
  squatter answering the data-plane handshake of the agent's paired client. In a quarter of the runs the operator
  also revokes the first agent's slot."
  (:require [clojure.test.check.generators :as gen]
            [trustlab.campaign.core :as c]))

(def agents [{:name "agent-1" :machine "m1"} {:name "agent-2" :machine "m2"}])

(def profiles ["tofu" "owner-authorized" "tofu+alerts"])

(def plans [:squat-first :race :guess :replace :flood-reclaim :data-plane :mixed])

(defn- squat [agent at-ms]
  {:op "inject" :to "relay" :from "attacker" :at-ms at-ms
   :message {:type "squat" :owner "alice" :machine (:machine agent)}})

(defn- guess [agent length at-ms]
  {:op "inject" :to "relay" :from "attacker" :at-ms at-ms
   :message {:type "guess" :owner "alice" :machine (:machine agent) :length length}})

(defn- replace-step [agent at-ms]
  {:op "inject" :to "relay" :from "attacker" :at-ms at-ms
   :message {:type "replace" :owner "alice" :machine (:machine agent)}})

(defn- kk-response [agent at-ms]
  {:op "inject" :to "relay" :from "attacker" :at-ms at-ms
   :message {:type "kk-response" :owner "alice" :machine (:machine agent) :client "phone"}})

(defn- flood [index at-ms]
  {:op "inject" :to "relay" :from (str "bot-" (mod index 3)) :at-ms at-ms
   :message {:type "flood" :index index}})

(defn- attack
  "The attacker's steps for one plan, timed against the first agent's registration at `t` ms."
  [plan agent t cap]
  (case plan
    :squat-first (gen/let [before (gen/choose 100 5000)]
                   [(squat agent (max 0 (- t before)))])
    :race (gen/let [offset (gen/choose -30 30)]
            [(squat agent (max 0 (+ t offset)))])
    :guess (gen/let [lengths (gen/vector (gen/elements [1 1 1 2 64]) 1 5)
                     gap (gen/choose 200 2000)]
             (vec (map-indexed (fn [i l] (guess agent l (+ t gap (* i 300)))) lengths)))
    :replace (gen/let [n (gen/choose 1 2) gap (gen/choose 200 3000)]
               (vec (for [i (range n)] (replace-step agent (+ t gap (* i 500))))))
    :flood-reclaim (gen/let [extra (gen/choose 0 2)
                             gap (gen/choose 200 2000)
                             reclaim? (gen/elements [true false])]
                     (let [n (if (< cap 100) (+ cap extra) (+ 3 extra))
                           floods (vec (for [i (range n)] (flood i (+ t gap (* i 100)))))
                           after (+ t gap (* n 100) 500)]
                       (cond-> floods reclaim? (conj (squat agent after)))))
    :data-plane (gen/let [before (gen/choose 100 5000) answer (gen/choose 30 2000)]
                  [(squat agent (max 0 (- t before))) (kk-response agent (+ t 2000 answer))])
    :mixed (gen/let [ops (gen/vector (gen/elements [:squat :guess :replace :flood]) 1 4)
                     times (gen/vector (gen/choose 0 20000) 4)]
             (vec (map-indexed (fn [i [op at]]
                                 (case op
                                   :squat (squat agent at)
                                   :guess (guess agent 64 at)
                                   :replace (replace-step agent at)
                                   :flood (flood i at)))
                               (map vector ops times))))))

(defn- timed [m] (-> m (assoc :at (c/ms (:at-ms m))) (dissoc :at-ms)))

(def settings
  (gen/hash-map :profile (gen/elements profiles)
                :plan (gen/elements plans)
                :cap (gen/elements [2 3 4 65536])
                :t (gen/choose 1000 10000)
                :second-agent-ms (gen/choose 0 15000)
                :reregister-ms (c/frequency [[1 (gen/return nil)] [2 (gen/choose 3000 20000)]])
                ;; the operator revokes the first agent's slot (after an alert, say) in one run of four: from then on
                ;; the slot must answer "gone" to everyone, the agent's re-registration included
                :revoke-ms (c/frequency [[3 (gen/return nil)] [1 (gen/choose 200 15000)]])
                :literal-owner? (c/frequency [[5 (gen/return false)] [1 (gen/return true)]])))

(defn- assemble [[s steps]]
  (let [[a1 a2] agents
        t (:t s)
        cap (:cap s)
        devices (cond-> [{:name "relay" :role "relay"}
                         {:name "alice" :role "owner"}
                         {:name (:name a1) :role "agent" :config {:owner "alice" :machine (:machine a1)}}
                         {:name (:name a2) :role "agent" :config {:owner "alice" :machine (:machine a2)}}
                         {:name "phone" :role "client" :config {:agent (:name a1)}}]
                  (:literal-owner? s) (conj {:name "agent-3" :role "agent"
                                             :config {:owner-id "build-farm" :machine "m3"}}))
        actions (cond-> [{:at-ms t :device (:name a1) :action "relay.register"}
                         {:at-ms (+ t 2000) :device "phone" :action "relay.connect"}
                         {:at-ms (:second-agent-ms s) :device (:name a2) :action "relay.register"}]
                  (:literal-owner? s) (conj {:at-ms (+ t 50) :device "agent-3" :action "relay.register"})
                  (:reregister-ms s) (conj {:at-ms (+ t (:reregister-ms s)) :device (:name a1)
                                            :action "relay.register"})
                  (:revoke-ms s) (conj {:at-ms (+ t (:revoke-ms s)) :device "relay" :action "relay.revoke"
                                        :args {:owner "alice" :machine (:machine a1)}}))
        last-ms (reduce max 0 (concat (map :at-ms actions) (map :at-ms steps)))]
    {:scenario {:end (c/ms (+ last-ms 30000))
                :devices devices
                :setup (cond-> {:profile (:profile s)}
                         (< cap 65536) (assoc :proof-store-cap cap))
                :network {:latency {:dist "constant" :value "20ms"}}
                :actions (mapv timed actions)
                :attacker (if (seq steps)
                            {:strategy "scripted" :steps (mapv timed steps)}
                            {:strategy "none"})}
     :meta {:network "constant-20ms" :profile (:profile s) :loss 0.0 :offline-probability 0.0}}))

(defn scenario
  "The campaign's generator of relay scenarios. `ctx` (from Java) is not needed: the attacks are the relay's own."
  [_ctx]
  (gen/fmap assemble
            (gen/bind settings
                      (fn [s]
                        (gen/fmap (fn [steps] [s steps])
                                  (attack (:plan s) (first agents) (:t s) (:cap s)))))))
