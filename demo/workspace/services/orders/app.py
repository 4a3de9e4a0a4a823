"""Orders service: looks up an order and asks inventory whether its item is in stock.

Runs in the mesh behind an Envoy sidecar. Envoy traces every hop, but it cannot see inside this process:
unless the handler copies the trace headers of the incoming request onto its outbound calls, the call to
inventory starts a new trace.
"""
import os

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)

INVENTORY_URL = os.environ.get("INVENTORY_URL", "http://inventory:8080")
ORDERS = {
    "1001": {"id": "1001", "item": "espresso-beans", "quantity": 2},
    "1002": {"id": "1002", "item": "grinder", "quantity": 1},
    "1003": {"id": "1003", "item": "milk-jug", "quantity": 3},
}


@app.route("/healthz")
def healthz():
    return "ok"


@app.route("/api/orders/<order_id>")
def get_order(order_id):
    order = ORDERS.get(order_id)
    if order is None:
        return jsonify({"error": f"no order {order_id}"}), 404
    warehouse = request.args.get("warehouse", "main")
    stock = requests.get(f"http://inventory:8080/stock/{order['item']}", params={"warehouse": warehouse}, timeout=2)
    return jsonify({**order, "inStock": stock.ok and stock.json().get("available", 0) >= order["quantity"]})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))
