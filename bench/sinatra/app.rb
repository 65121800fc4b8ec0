# frozen_string_literal: true

# The mailing-list sample, rewritten for the benchmark: the query value is pasted into the SPIFFE ID
# with no validation, and client_id is returned without the query, as the sample did.
require 'json'
require 'sinatra/base'

class ClientDocumentApp < Sinatra::Base
  set :environment, :production
  set :logging, false

  get '/client.json' do
    content_type 'application/json'
    JSON.generate(
      client_id: 'https://example.com/client.json',
      client_name: 'Example workload',
      token_endpoint_auth_method: 'spiffe_jwt',
      grant_types: ['client_credentials'],
      response_types: [],
      spiffe_id: "spiffe://example.org/client/#{params['instance_id']}",
      spiffe_bundle_endpoint: 'https://example.org/bundle'
    )
  end
end
