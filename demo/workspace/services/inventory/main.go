// Inventory service: answers how many units of an item are in stock.
// It makes no outbound calls, so it has no trace headers to forward; its Envoy sidecar traces it.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"strings"
)

var stock = map[string]int{"espresso-beans": 40, "grinder": 0, "milk-jug": 12}

func stockHandler(w http.ResponseWriter, r *http.Request) {
	item := strings.TrimPrefix(r.URL.Path, "/stock/")
	available, known := stock[item]
	if !known {
		http.Error(w, "unknown item", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"item": item, "available": available})
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.HandleFunc("/stock/", stockHandler)
	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })
	log.Printf("inventory listening on 127.0.0.1:%s", port)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, nil))
}
